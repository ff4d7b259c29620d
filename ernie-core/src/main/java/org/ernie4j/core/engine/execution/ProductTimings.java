package org.ernie4j.core.engine.execution;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.engine.fused.PackedProductTimer;

import static java.util.Objects.requireNonNull;

/**
 * The forward-only fused engine's products on weights packed once against OpenBLAS {@code sgemm}, one thread, for the
 * benchmark that shows where the packed kernel stops winning (the engine hands larger products to OpenBLAS there).
 */
@PublicApi
public final class ProductTimings
{
    /** The BLAS column: OpenBLAS, or Intel MKL where the launcher preloaded it ({@code ERNIE_BLAS=mkl}). */
    public static final String BLAS = NativeEnvironment.blasName() + " sgemm";
    public static final String COLD = "packed weights, " + PackedProductTimer.COLD_COPIES + " copies (beyond the cache)";

    /** A product of {@code rows x inner} by {@code inner x columns}. */
    public record Shape(int rows, int inner, int columns)
    {
        public Shape
        {
            if (rows < 1 || inner < 1 || columns < 1) {
                throw new IllegalArgumentException("a product needs at least one row, inner value and column, not " + rows + " x " + inner + " x " + columns);
            }
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

    private ProductTimings()
    {
    }

    /** The packed kernel this machine runs: 8 x 48 blocks of 16-lane vectors, or 4 x 16 tiles of 8-lane ones. */
    public static String packedKernel()
    {
        return PackedProductTimer.packedKernel();
    }

    /** Whether this machine multiplies on packed weights at all (vectors of at least 8 lanes, the vector module present). */
    public static boolean packedProductsPossible()
    {
        return PackedProductTimer.possible();
    }

    /**
     * For each shape, the packed kernel, OpenBLAS and (with {@code cold}) the packed kernel over many copies of the weights,
     * each run untimed for {@code warmup} seconds and then timed in {@code rounds} rounds of {@code seconds}.
     *
     * @throws IllegalStateException if a packed product differs from OpenBLAS's beyond float rounding
     */
    public static List<Timing> measure(List<Shape> shapes, int rounds, double seconds, double warmup, boolean cold)
    {
        if (rounds < 1 || !(seconds > 0) || !(warmup >= 0)) {
            throw new IllegalArgumentException("need at least one round of a positive time and a warm-up of none or more, not " + rounds + " of "
                    + seconds + " s after " + warmup + " s");
        }
        List<String> kernels = cold ? List.of(packedKernel(), BLAS, COLD) : List.of(packedKernel(), BLAS);
        List<Timing> timings = new ArrayList<>();
        for (Shape shape : shapes) {
            double[][] rates = PackedProductTimer.time(shape.rows(), shape.inner(), shape.columns(), rounds, seconds, warmup, cold);
            for (int kernel = 0; kernel < kernels.size(); kernel++) {
                double[] sorted = rates[kernel];
                timings.add(new Timing(shape, kernels.get(kernel), sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]));
            }
        }
        return List.copyOf(timings);
    }
}
