package org.ernie4j.core.engine.fused;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The product on weights packed into panels (as a worker's Gemm runs it), against the product in double precision, on every kind of edge. */
class TestPanelGemm
{
    private static final float UNTOUCHED = -7.5f;

    /** One way of running the product: through a worker's Gemm as the engine does, or PanelGemm with its tiles chosen. */
    private interface Product
    {
        void run(int rows, int column, int columns, FloatBlock a, long aOffset, int lda, PanelWeights packed, FloatBlock c, long cOffset, int ldc);
    }

    @Test
    void equalsTheProductOnWholeAndPartialPanelsAndTiles()
    {
        everyShape((rows, column, columns, a, aOffset, lda, packed, c, cOffset, ldc) -> {
            Gemm gemm = new Gemm();
            gemm.multiply(rows, column, columns, a, aOffset, lda, packed, c, cOffset, ldc);
            assertThat(gemm.flops()).isEqualTo(2L * rows * columns * packed.k());
        });
    }

    @Test
    void narrowTilesEqualTheProduct()
    {
        assumeTrue(!PanelGemm.wide(), "this machine runs the 8 x 48 blocks; 8-lane tiles in this JVM would mix vector species, which makes the JIT "
                + "compile every later vector kernel of the tests slowly (see WidePanelGemm)");
        everyShape(direct(false));
    }

    @Test
    void wideBlocksEqualTheProduct()
    {
        assumeTrue(PanelGemm.wide(), "this machine's preferred vectors do not have 16 lanes (no AVX-512), so PanelGemm never uses 8 x 48 blocks here");
        everyShape(direct(true));
    }

    private static Product direct(boolean wide)
    {
        return (rows, column, columns, a, aOffset, lda, packed, c, cOffset, ldc) -> {
            // NaN first: a slot that packing left unwritten would show in C.
            float[] packedRows = new float[PanelGemm.packedLength(rows, packed.k(), wide)];
            Arrays.fill(packedRows, Float.NaN);
            PanelGemm.packRows(a, aOffset, lda, rows, packed.k(), packedRows, wide);
            PanelGemm.multiply(rows, column, columns, packedRows, packed, c, cOffset, ldc, new float[PanelGemm.SCRATCH], wide);
        };
    }

    private static void everyShape(Product product)
    {
        Random random = new Random(3);
        // rows: whole 4-row tiles and remainders; k: short and long; n: whole panels and a zero-padded last one;
        // column ranges: everything, panel-aligned bands, and bands that start and end inside panels.
        // Wide blocks: groups of three, two and one panel, whole or cut by the columns, with rows filling eight-row blocks
        // or not; 128 rows is the most the engine gives them.
        int[][] shapes = {{1, 5, 16}, {4, 64, 32}, {7, 33, 40}, {32, 384, 96}, {13, 17, 100}, {8, 40, 80}, {17, 24, 112}, {128, 3, 48}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int k = shape[1];
            int n = shape[2];
            int[][] ranges = {{0, n}, {0, n / 2 / 16 * 16}, {n / 2 / 16 * 16, n - n / 2 / 16 * 16}, {3, n - 8}, {n - 1, 1}, {8, Math.min(8, n - 8)}};
            for (int[] range : ranges) {
                check(random, rows, k, n, range[0], range[1], product);
            }
        }
    }

    private static void check(Random random, int rows, int k, int n, int column, int columns, Product product)
    {
        int lda = k + 3;
        int ldc = n + 5;
        FloatBlock a = FloatBlock.allocate((long) rows * lda + 2);
        FloatBlock w = FloatBlock.allocate((long) k * n + 1);
        FloatBlock c = FloatBlock.allocate((long) rows * ldc + 4);
        for (int i = 0; i < a.length(); i++) {
            a.set(i, (float) random.nextGaussian());
        }
        for (int i = 0; i < w.length(); i++) {
            w.set(i, (float) random.nextGaussian());
        }
        c.fill(UNTOUCHED, 0, c.length());
        // Operands at offsets inside their blocks, as the engine's are.
        PanelWeights packed = PanelWeights.pack(w, 1, k, n);

        product.run(rows, column, columns, a, 2, lda, packed, c, 4, ldc);

        String where = rows + " x " + k + " x " + n + ", columns " + column + " + " + columns;
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < ldc; j++) {
                float actual = c.get(4 + row * ldc + j);
                if (j < column || j >= column + columns) {
                    assertThat(actual).as(where + ": outside the columns, [" + row + ", " + j + "]").isEqualTo(UNTOUCHED);
                    continue;
                }
                double expected = 0;
                double magnitude = 0;
                for (int inner = 0; inner < k; inner++) {
                    double term = (double) a.get(2 + row * lda + inner) * w.get(1 + inner * n + j);
                    expected += term;
                    magnitude += Math.abs(term);
                }
                assertThat((double) actual).as(where + ": [" + row + ", " + j + "]").isCloseTo(expected, within(1e-6 * magnitude + 1e-6));
            }
        }
    }

    @Test
    void refusesColumnsOutsideTheWeights()
    {
        PanelWeights packed = PanelWeights.pack(FloatBlock.allocate(8 * 20), 0, 8, 20);
        FloatBlock c = FloatBlock.allocate(64);

        assertThatThrownBy(() -> PanelGemm.multiply(2, 16, 8, new float[16], packed, c, 0, 20, new float[PanelGemm.SCRATCH], false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("columns 16 .. 24 of a product 20 wide");
    }
}
