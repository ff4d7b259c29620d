package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.Locale;

import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PreparePhase;

/**
 * Shows how preparing a corpus advances: the phase, then documents annotated out of the total.
 */
final class PrepareProgress
        implements PrepareListener
{
    private final PrintWriter out;
    private final boolean interactive;
    private long lastDrawn;
    private long started = System.nanoTime();

    PrepareProgress(PrintWriter out, boolean interactive)
    {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void phaseStarted(PreparePhase phase)
    {
        if (interactive) {
            out.print("\r\033[K");
        }
        out.println("prepare: " + phase.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        out.flush();
        started = System.nanoTime();
    }

    @Override
    public void documentsAnnotated(long done, long total)
    {
        long now = System.nanoTime();
        boolean due = interactive ? now - lastDrawn > 200_000_000L || done == total : done == total || done % Math.max(1, total / 10) == 0;
        if (!due) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - started) / 1e9;
        String line = String.format(Locale.ROOT, "annotated %d/%d documents (%.1f docs/s)", done, total, seconds > 0 ? done / seconds : 0.0);
        if (interactive) {
            out.print("\r\033[K" + line + (done == total ? "\n" : ""));
        }
        else {
            out.println(line);
        }
        out.flush();
    }
}
