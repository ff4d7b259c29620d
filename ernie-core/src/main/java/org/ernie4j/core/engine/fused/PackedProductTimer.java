package org.ernie4j.core.engine.fused;

import java.util.Arrays;
import java.util.Random;

/**
 * Times the forward-only engine's products on weights packed once ({@link PanelGemm}, packing of the rows included) against
 * OpenBLAS {@code sgemm} on the calling thread alone: the figures behind {@link PanelGemm#rowsUpTo()}. Optionally also the
 * packed product over many copies of the weights, which no longer fit in the core's cache, as a forward pass reads a
 * model's layers once each. The packed result is checked against OpenBLAS's before anything is timed. The runner reaches
 * it through {@code engine.execution.ProductTimings}.
 */
public final class PackedProductTimer
{
    /** Copies of the weights cycled through for the "weights from beyond the cache" figure: 24 of MiniLM's are 57 MB. */
    public static final int COLD_COPIES = 24;

    private PackedProductTimer()
    {
    }

    /** The packed kernel this machine runs: 8 x 48 blocks of 16-lane vectors, or 4 x 16 tiles of 8-lane ones. */
    public static String packedKernel()
    {
        return PanelGemm.wide() ? "packed weights, 8 x 48 blocks" : "packed weights, 4 x 16 tiles";
    }

    /** Whether this machine multiplies on packed weights at all (vectors of at least 8 lanes). */
    public static boolean possible()
    {
        return PanelGemm.worthwhile();
    }

    /**
     * GFLOP/s of {@code rounds} rounds of {@code seconds} each, sorted, for the packed kernel, OpenBLAS and (with {@code
     * cold}) the packed kernel over {@link #COLD_COPIES} copies of the weights, in that order, on a product of {@code rows x
     * inner} by {@code inner x columns}; each kernel first runs untimed for {@code warmup} seconds (the JIT compiles a vector
     * kernel only after many calls, and runs it hundreds of times slower until then).
     *
     * @throws IllegalStateException if the packed product differs from OpenBLAS's beyond float rounding
     */
    public static double[][] time(int rows, int inner, int columns, int rounds, double seconds, double warmup, boolean cold)
    {
        if (!possible()) {
            throw new IllegalStateException("this machine's vectors are narrower than 8 floats: the engine does not multiply on packed weights here");
        }
        FusedSupport.useSingleThreadedBlas();
        int k = inner;
        int n = columns;
        Random random = new Random(1);
        FloatBlock a = randomBlock(random, (long) rows * k);
        FloatBlock w = randomBlock(random, (long) k * n);
        PanelWeights[] packed = new PanelWeights[cold ? COLD_COPIES : 1];
        for (int copy = 0; copy < packed.length; copy++) {
            packed[copy] = PanelWeights.pack(w, 0, k, n);
        }
        FloatBlock byBlas = FloatBlock.allocate((long) rows * n);
        FloatBlock byPanels = FloatBlock.allocate((long) rows * n);
        Gemm gemm = new Gemm();
        Runnable blas = () -> gemm.multiply(false, false, rows, n, k, 1f, a, 0, k, w, 0, n, 0f, byBlas, 0, n);
        Runnable panels = () -> gemm.multiply(rows, 0, n, a, 0, k, packed[0], byPanels, 0, n);
        blas.run();
        panels.run();
        checkEqual(rows, k, n, byBlas, byPanels);
        long operations = 2L * rows * k * n;
        double[] packedRates = rates(operations, panels, rounds, seconds, warmup);
        double[] blasRates = rates(operations, blas, rounds, seconds, warmup);
        if (!cold) {
            return new double[][] {packedRates, blasRates};
        }
        int[] next = {0};
        double[] coldRates = rates(operations, () -> gemm.multiply(rows, 0, n, a, 0, k, packed[next[0]++ % packed.length], byPanels, 0, n), rounds,
                seconds, warmup);
        return new double[][] {packedRates, blasRates, coldRates};
    }

    private static FloatBlock randomBlock(Random random, long length)
    {
        FloatBlock block = FloatBlock.allocate(length);
        for (int i = 0; i < length; i++) {
            block.set(i, random.nextFloat() - 0.5f);
        }
        return block;
    }

    private static void checkEqual(int rows, int inner, int columns, FloatBlock expected, FloatBlock actual)
    {
        // Terms of magnitude up to 1/4 each; float sums of `inner` of them differ by at most a few units of the last place.
        double tolerance = 1e-5 * inner;
        for (int i = 0; i < rows * columns; i++) {
            if (!(Math.abs(expected.get(i) - actual.get(i)) <= tolerance)) {
                throw new IllegalStateException("the product on packed weights differs from OpenBLAS's at " + rows + " x " + inner + " x " + columns
                        + ", element " + i + ": " + actual.get(i) + " against " + expected.get(i));
            }
        }
    }

    private static double[] rates(long operations, Runnable product, int rounds, double seconds, double warmup)
    {
        long nanos = (long) (seconds * 1e9);
        long warmUntil = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmUntil) {
            product.run();
        }
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            long now;
            int calls = 0;
            do {
                product.run();
                calls++;
                now = System.nanoTime();
            } while (now - started < nanos);
            rates[round] = (double) operations * calls / (now - started);
        }
        Arrays.sort(rates);
        return rates;
    }
}
