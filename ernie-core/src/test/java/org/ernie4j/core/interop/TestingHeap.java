package org.ernie4j.core.interop;

/** The heap in use after garbage collection: what a reader keeps, not what it has dropped. */
final class TestingHeap
{
    private TestingHeap()
    {
    }

    static long used()
    {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
