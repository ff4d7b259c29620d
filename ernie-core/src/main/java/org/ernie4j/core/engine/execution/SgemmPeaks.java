package org.ernie4j.core.engine.execution;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.fused.SgemmPeak;
import org.ernie4j.core.engine.fused.Workers;

/**
 * What the BLAS's {@code sgemm} (OpenBLAS, or Intel MKL with {@code ERNIE_BLAS=mkl}) delivers when called the way the
 * fused engine calls it: single-threaded from each worker, by one worker alone and by every worker at once. The yardstick
 * for the GFLOP/s a fused step achieves.
 *
 * @param workers the workers that multiplied at once
 * @param oneWorker GFLOP/s of one worker alone
 * @param allWorkers total GFLOP/s of every worker at once
 * @param blas the library that multiplied ({@link NativeEnvironment#blasName()})
 */
@PublicApi
public record SgemmPeaks(int workers, double oneWorker, double allWorkers, String blas)
{
    /**
     * The best of {@code rounds} rounds of {@code size x size} products on the fused engine's {@code threads} workers,
     * one worker alone and then all of them.
     */
    public static SgemmPeaks measure(int threads, int size, int rounds)
    {
        try (Workers workers = new Workers(threads)) {
            double one = SgemmPeak.measure(workers, 1, size, rounds);
            double all = SgemmPeak.measure(workers, workers.count(), size, rounds);
            return new SgemmPeaks(workers.count(), one, all, NativeEnvironment.blasName());
        }
    }
}
