package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.ernie4j.core.training.PretrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops a training session asked to stop from outside the process, after the current step and with a checkpoint.
 *
 * <p>Ctrl-C (INT) and TERM are handled here rather than in a shutdown hook, because a JVM that shuts down on a signal
 * exits with 128 + the signal's number whatever its hooks do: handled, the stop ends the command as a stop after
 * {@code --max-steps} does, with "stopped at step N" and exit code 0. A second such signal halts at once, without a
 * checkpoint, as does one before the session exists (with the shell's code, 128 + the number). Any other shutdown (a
 * hang-up, say) still finishes the step and writes the checkpoint, from a shutdown hook.
 */
final class StopOnSignal
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    private final PrintWriter err;
    private final AtomicReference<PretrainingSession> session = new AtomicReference<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final Thread onShutdown = new Thread(this::stopAndWait, "ernie-stop");

    private StopOnSignal(PrintWriter err)
    {
        this.err = err;
    }

    /** Handles INT and TERM, and shutdowns, until closed. */
    static StopOnSignal install(PrintWriter err)
    {
        StopOnSignal stop = new StopOnSignal(err);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                stop.previous.put(signal, Signal.handle(signal, stop::handle));
            }
            catch (IllegalArgumentException e) {
                // The JVM keeps this signal (-Xrs, say): it shuts down, and the shutdown hook stops the session.
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(stop.onShutdown);
        return stop;
    }

    /** The session to stop, once training starts. */
    void training(PretrainingSession started)
    {
        session.set(started);
    }

    private void handle(Signal signal)
    {
        if (session.get() == null) {
            Runtime.getRuntime().exit(128 + signal.getNumber());
        }
        else if (!requestStop("SIG" + signal.getName() + " again stops at once, without one")) {
            err.println("stopped at once, without a checkpoint");
            err.flush();
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    private void stopAndWait()
    {
        if (requestStop("") || stopping.get()) {
            try {
                finished.await(10, TimeUnit.MINUTES);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the session to stop; false when there is none or it was asked before. */
    private boolean requestStop(String hint)
    {
        PretrainingSession current = session.get();
        if (current == null || !stopping.compareAndSet(false, true)) {
            return false;
        }
        err.println();
        err.println("stopping after the current step and writing a checkpoint" + (hint.isEmpty() ? "" : " (" + hint + ")") + "...");
        err.flush();
        current.requestStop();
        return true;
    }

    @Override
    public void close()
    {
        // Training is over: a signal from now on has nothing to stop.
        session.set(null);
        finished.countDown();
        previous.forEach(Signal::handle);
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        }
        catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running or done.
        }
    }
}
