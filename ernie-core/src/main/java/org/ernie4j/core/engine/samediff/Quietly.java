package org.ernie4j.core.engine.samediff;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs SameDiff calls that print one line per op to standard output (gradient function creation in M2.1).
 */
public final class Quietly
{
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private Quietly()
    {
    }

    public static synchronized <T> T call(Supplier<T> action)
    {
        PrintStream original = System.out;
        System.setOut(DISCARD);
        try {
            return action.get();
        }
        finally {
            System.setOut(original);
        }
    }
}
