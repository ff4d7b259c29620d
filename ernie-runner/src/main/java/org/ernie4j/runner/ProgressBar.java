package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;

/**
 * A one-line progress bar on standard error: step, steps/s, tokens/s, each task's smoothed loss and the time left.
 * On a terminal it redraws in place; otherwise (a log file, CI) it prints a line every {@code every} steps.
 */
final class ProgressBar
        implements TrainingListener
{
    private static final int WIDTH = 24;
    private static final double SMOOTHING = 0.9;

    private final PrintWriter out;
    private final boolean interactive;
    private final int every;
    private final Map<String, Double> losses = new LinkedHashMap<>();
    private long firstStep;
    private long totalSteps;
    private long started;
    private long tokens;
    private long lastDrawn;

    ProgressBar(PrintWriter out, boolean interactive, int every)
    {
        this.out = out;
        this.interactive = interactive;
        this.every = Math.max(1, every);
    }

    @Override
    public void onStart(long firstStep, long totalSteps)
    {
        // A run can restart its loop (a task joined): rates count from here.
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.started = System.nanoTime();
        this.tokens = 0;
    }

    @Override
    public void onStep(StepRecord record)
    {
        tokens += record.tokens();
        losses.merge(record.task(), record.loss(), (previous, loss) -> SMOOTHING * previous + (1 - SMOOTHING) * loss);
        long done = record.step() + 1;
        long now = System.nanoTime();
        boolean due = interactive ? now - lastDrawn > 200_000_000L || done == totalSteps : done % every == 0 || done == totalSteps;
        if (due) {
            lastDrawn = now;
            draw(done, (now - started) / 1e9);
        }
    }

    @Override
    public void onCheckpoint(long step, java.nio.file.Path directory)
    {
        if (interactive) {
            out.print("\r\033[K");
        }
        out.println("checkpoint " + directory);
        out.flush();
    }

    @Override
    public void onFinish(long step)
    {
        if (interactive) {
            out.println();
        }
        out.flush();
    }

    private void draw(long done, double seconds)
    {
        long sinceStart = done - firstStep;
        double stepsPerSecond = seconds > 0 ? sinceStart / seconds : 0;
        double tokensPerSecond = seconds > 0 ? tokens / seconds : 0;
        long left = totalSteps - done;
        int filled = (int) (WIDTH * done / Math.max(1, totalSteps));
        StringBuilder line = new StringBuilder();
        line.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "").append(" ".repeat(Math.max(0, WIDTH - filled - 1))).append("] ");
        line.append(String.format(Locale.ROOT, "step %d/%d  %.2f steps/s  %.0f tokens/s", done, totalSteps, stepsPerSecond, tokensPerSecond));
        losses.forEach((task, loss) -> line.append(String.format(Locale.ROOT, "  %s %.3f", task, loss)));
        line.append("  ETA ").append(duration(stepsPerSecond > 0 ? left / stepsPerSecond : 0));
        if (interactive) {
            out.print("\r\033[K" + line);
        }
        else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(double seconds)
    {
        long total = Math.round(seconds);
        if (total >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", total / 3600, total % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dm%02ds", total / 60, total % 60);
    }
}
