package org.ernie4j.core.engine.fused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * Times the forward-only engine's products on weights packed once ({@link PanelGemm}, packing of the rows included) against
 * OpenBLAS {@code sgemm} on the calling thread alone: the figures behind {@link PanelGemm#rowsUpTo()}. Optionally also the
 * packed product over many copies of the weights, which no longer fit in the core's cache, as a forward pass reads a
 * model's layers once each. Every kernel's result is checked against OpenBLAS's before it is timed.
 */
public final class ProductTimings
{
    /** Copies of the weights cycled through for the "weights from beyond the cache" figure: 24 of MiniLM's are 57 MB. */
    private static final int COLD_COPIES = 24;

    /** A product of {@code rows x inner} by {@code inner x columns}. */
    public record Shape(int rows, int inner, int columns)
    {
        public Shape
        {
            if (rows < 1 || inner < 1 || columns < 1) {
                throw new IllegalArgumentException("a product needs at least one row, inner value and column, not " + rows + " x " + inner + " x " + columns);
            }
        }

        long operations()
        {
            return 2L * rows * inner * columns;
        }
    }

    /** GFLOP/s of one kernel on one shape: the median of the timed rounds and their slowest and fastest. */
    public record Timing(Shape shape, String kernel, double median, double slowest, double fastest)
    {
        public Timing
        {
            requireNonNull(shape, "shape is null");
            requireNonNull(kernel, "kernel is null");
        }
    }

    public static final String BLAS = "OpenBLAS sgemm";
    public static final String COLD = "packed weights, 24 copies (beyond the cache)";

    private ProductTimings()
    {
    }

    /** The packed kernel this machine runs: 8 x 48 blocks of 16-lane vectors, or 4 x 16 tiles of 8-lane ones. */
    public static String packedKernel()
    {
        return PanelGemm.wide() ? "packed weights, 8 x 48 blocks" : "packed weights, 4 x 16 tiles";
    }

    /** Whether this machine multiplies on packed weights at all (vectors of at least 8 lanes). */
    public static boolean packedProductsPossible()
    {
        return PanelGemm.worthwhile();
    }

    /**
     * For each shape, the packed kernel, OpenBLAS and (with {@code cold}) the packed kernel over {@value #COLD_COPIES} copies
     * of the weights, each run untimed for {@code warmup} seconds (the JIT compiles a vector kernel only after many calls,
     * and runs it hundreds of times slower until then) and then timed in {@code rounds} rounds of {@code seconds}.
     *
     * @throws IllegalStateException if a packed product differs from OpenBLAS's beyond float rounding
     */
    public static List<Timing> measure(List<Shape> shapes, int rounds, double seconds, double warmup, boolean cold)
    {
        if (!packedProductsPossible()) {
            throw new IllegalStateException("this machine's vectors are narrower than 8 floats: the engine does not multiply on packed weights here");
        }
        if (rounds < 1 || !(seconds > 0) || !(warmup >= 0)) {
            throw new IllegalArgumentException("need at least one round of a positive time and a warm-up of none or more, not " + rounds + " of "
                    + seconds + " s after " + warmup + " s");
        }
        FusedSupport.useSingleThreadedBlas();
        List<Timing> timings = new ArrayList<>();
        Random random = new Random(1);
        for (Shape shape : shapes) {
            int rows = shape.rows();
            int k = shape.inner();
            int n = shape.columns();
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
            checkEqual(shape, byBlas, byPanels);
            timings.add(time(shape, packedKernel(), panels, rounds, seconds, warmup));
            timings.add(time(shape, BLAS, blas, rounds, seconds, warmup));
            if (cold) {
                int[] next = {0};
                timings.add(time(shape, COLD, () -> gemm.multiply(rows, 0, n, a, 0, k, packed[next[0]++ % packed.length], byPanels, 0, n),
                        rounds, seconds, warmup));
            }
        }
        return List.copyOf(timings);
    }

    private static FloatBlock randomBlock(Random random, long length)
    {
        FloatBlock block = FloatBlock.allocate(length);
        for (int i = 0; i < length; i++) {
            block.set(i, random.nextFloat() - 0.5f);
        }
        return block;
    }

    private static void checkEqual(Shape shape, FloatBlock expected, FloatBlock actual)
    {
        // Terms of magnitude up to 1/4 each; float sums of `inner` of them differ by at most a few units of the last place.
        double tolerance = 1e-5 * shape.inner();
        for (int i = 0; i < shape.rows() * shape.columns(); i++) {
            if (!(Math.abs(expected.get(i) - actual.get(i)) <= tolerance)) {
                throw new IllegalStateException("the product on packed weights differs from OpenBLAS's at " + shape + ", element " + i + ": "
                        + actual.get(i) + " against " + expected.get(i));
            }
        }
    }

    private static Timing time(Shape shape, String kernel, Runnable product, int rounds, double seconds, double warmup)
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
            rates[round] = (double) shape.operations() * calls / (now - started);
        }
        Arrays.sort(rates);
        return new Timing(shape, kernel, rates[rounds / 2], rates[0], rates[rounds - 1]);
    }
}
