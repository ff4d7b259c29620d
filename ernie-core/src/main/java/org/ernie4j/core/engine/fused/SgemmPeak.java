package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What OpenBLAS {@code sgemm} delivers when called the way the fused engine calls it: single-threaded from each
 * worker, all workers at once on their own square products. The result is the yardstick for the engine's achieved
 * GFLOP/s.
 */
public final class SgemmPeak
{
    private SgemmPeak()
    {
    }

    /**
     * The best total GFLOP/s of {@code rounds} rounds in which each of the first {@code used} workers multiplies two
     * {@code size x size} matrices, after one untimed round. The best, not the median: on a shared machine a round can
     * lose a core to another process, and a peak is what the hardware and library reach when nothing interferes.
     */
    public static double measure(Workers workers, int used, int size, int rounds)
    {
        FusedSupport.useSingleThreadedBlas();
        FloatBlock[][] operands = new FloatBlock[used][3];
        Gemm[] gemms = new Gemm[used];
        for (int w = 0; w < used; w++) {
            for (int i = 0; i < 3; i++) {
                operands[w][i] = FloatBlock.allocate((long) size * size);
                operands[w][i].fill(0.5f, 0, size * size);
            }
            gemms[w] = new Gemm();
        }
        List<Double> speeds = new ArrayList<>();
        for (int round = -1; round < rounds; round++) {
            long started = System.nanoTime();
            workers.run(used, w -> gemms[w].multiply(false, false, size, size, size, 1f, operands[w][0], 0, size, operands[w][1], 0, size,
                    0f, operands[w][2], 0, size));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round >= 0) {
                speeds.add(2.0 * size * size * size * used / seconds / 1e9);
            }
        }
        return Collections.max(speeds);
    }
}
