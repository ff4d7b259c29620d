package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import static org.ernie4j.core.engine.fused.FloatBlock.ORDER;

/**
 * {@code C = A W} for few rows of {@code A} and weights packed once into {@link PanelWeights}: each 4-row x 16-column
 * tile of {@code C} is eight vector accumulators, fed by one pass over the panel and a broadcast of each row's values.
 * BLAS spends much of a product of a few rows packing its operand again; here only {@code A}'s rows are copied (into a
 * Java array, see {@link Gemm}). In a forward-only engine at batch 1 x 32 (MiniLM's shape, two workers, each with all
 * 32 rows and a band of the columns) the feed-forward products took about a sixth less time than on OpenBLAS, in JVMs
 * alternated with the previous engine; at 64 rows (1 x 128's shares) they took about a quarter more (medians 28.4
 * against 22.8 ms), so callers use this only up to {@link #ROWS_UP_TO} rows.
 */
final class PanelGemm
{
    static final int ROWS_UP_TO = 32;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    private static final int HALF_LANES = HALF.length();
    private static final int TILE_ROWS = 4;

    private PanelGemm()
    {
    }

    /** Whether this machine's vectors are wide enough for the kernel's 8-lane halves to be single instructions. */
    static boolean worthwhile()
    {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= HALF.vectorBitSize();
    }

    /**
     * Columns {@code column .. column + columns - 1} of {@code C = A W}: {@code A} is {@code rows x w.k()}, its rows one
     * after another in a Java array (read in the inner loop, where a native buffer's accesses are not hoisted), {@code C}
     * at {@code cOffset} with leading dimension {@code ldc}; other columns of {@code C} are not touched. {@code edge} is
     * scratch of at least {@link PanelWeights#WIDTH} floats for tiles at the edges.
     */
    static void multiply(int rows, int column, int columns, float[] a, PanelWeights w, FloatBlock c, long cOffset, int ldc, float[] edge)
    {
        if (column < 0 || columns < 0 || column + columns > w.n()) {
            throw new IllegalArgumentException("columns " + column + " .. " + (column + columns) + " of a product " + w.n() + " wide");
        }
        if (a.length < rows * w.k()) {
            throw new IllegalArgumentException(rows + " rows of " + w.k() + " need " + rows * w.k() + " floats, not " + a.length);
        }
        int k = w.k();
        ByteBuffer out = c.bytes();
        float[] panels = w.panels();
        int end = column + columns;
        for (int panel = column / PanelWeights.WIDTH; panel * PanelWeights.WIDTH < end; panel++) {
            int panelStart = panel * PanelWeights.WIDTH;
            int from = Math.max(column, panelStart) - panelStart;
            int to = Math.min(end, panelStart + PanelWeights.WIDTH) - panelStart;
            boolean whole = from == 0 && to == PanelWeights.WIDTH;
            int panelOffset = panel * k * PanelWeights.WIDTH;
            for (int row = 0; row < rows; row += TILE_ROWS) {
                int tileRows = Math.min(TILE_ROWS, rows - row);
                int aAt = row * k;
                long cAt = cOffset + (long) row * ldc + panelStart;
                if (whole && tileRows == TILE_ROWS) {
                    tile(a, aAt, k, panels, panelOffset, out, cAt, ldc);
                }
                else {
                    // An edge: the tile's rows one at a time into a scratch row, then only the wanted columns.
                    for (int r = 0; r < tileRows; r++) {
                        singleRow(a, aAt + r * k, k, panels, panelOffset, edge);
                        for (int j = from; j < to; j++) {
                            out.putFloat((int) (4 * (cAt + (long) r * ldc + j)), edge[j]);
                        }
                    }
                }
            }
        }
    }

    /** One 4 x 16 tile; {@code A}'s rows are {@code k} apart. */
    private static void tile(float[] a, int aAt, int k, float[] panels, int panelOffset, ByteBuffer out, long cAt, int ldc)
    {
        FloatVector c00 = FloatVector.zero(HALF);
        FloatVector c01 = FloatVector.zero(HALF);
        FloatVector c10 = FloatVector.zero(HALF);
        FloatVector c11 = FloatVector.zero(HALF);
        FloatVector c20 = FloatVector.zero(HALF);
        FloatVector c21 = FloatVector.zero(HALF);
        FloatVector c30 = FloatVector.zero(HALF);
        FloatVector c31 = FloatVector.zero(HALF);
        int a0 = aAt;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int inner = 0; inner < k; inner++) {
            int at = panelOffset + inner * PanelWeights.WIDTH;
            FloatVector w0 = FloatVector.fromArray(HALF, panels, at);
            FloatVector w1 = FloatVector.fromArray(HALF, panels, at + HALF_LANES);
            FloatVector x = FloatVector.broadcast(HALF, a[a0 + inner]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(HALF, a[a1 + inner]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(HALF, a[a2 + inner]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(HALF, a[a3 + inner]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
        }
        int o = (int) (4 * cAt);
        int step = 4 * ldc;
        c00.intoByteBuffer(out, o, ORDER);
        c01.intoByteBuffer(out, o + 4 * HALF_LANES, ORDER);
        o += step;
        c10.intoByteBuffer(out, o, ORDER);
        c11.intoByteBuffer(out, o + 4 * HALF_LANES, ORDER);
        o += step;
        c20.intoByteBuffer(out, o, ORDER);
        c21.intoByteBuffer(out, o + 4 * HALF_LANES, ORDER);
        o += step;
        c30.intoByteBuffer(out, o, ORDER);
        c31.intoByteBuffer(out, o + 4 * HALF_LANES, ORDER);
    }

    private static void singleRow(float[] a, int aAt, int k, float[] panels, int panelOffset, float[] target)
    {
        FloatVector c0 = FloatVector.zero(HALF);
        FloatVector c1 = FloatVector.zero(HALF);
        for (int inner = 0; inner < k; inner++) {
            int at = panelOffset + inner * PanelWeights.WIDTH;
            FloatVector x = FloatVector.broadcast(HALF, a[aAt + inner]);
            c0 = x.fma(FloatVector.fromArray(HALF, panels, at), c0);
            c1 = x.fma(FloatVector.fromArray(HALF, panels, at + HALF_LANES), c1);
        }
        c0.intoArray(target, 0);
        c1.intoArray(target, HALF_LANES);
    }
}
