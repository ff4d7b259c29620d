package org.ernie4j.core.engine.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A W} for few rows of {@code A} and weights packed once into {@link PanelWeights}. BLAS spends much of a
 * product of a few rows packing its operand again; here only {@code A}'s rows are copied, into a Java array ({@link
 * #packRows}). Machines with 16-lane vectors (AVX-512) run {@link WidePanelGemm}'s 8 x 48 blocks, up to 128 rows a
 * product; the others 4-row x 16-column tiles of eight 8-lane accumulators fed by one pass over the panel and a
 * broadcast of each row's values, up to 32 rows (measured in a forward-only engine on MiniLM's shape, two workers,
 * docs/BENCHMARKS.md: faster than OpenBLAS on 32 rows, slower on 64, AMD EPYC). A JVM runs one kind only: the 8-lane
 * kernels are not used where the engine's other kernels have 16 lanes (see {@link WidePanelGemm} for why).
 */
final class PanelGemm
{
    private static final int ROWS_UP_TO = 32;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    private static final int HALF_LANES = HALF.length();
    private static final int TILE_ROWS = 4;
    /** Floats of the scratch that {@link #multiply} needs: a tile of either kind. */
    static final int SCRATCH = Math.max(TILE_ROWS * PanelWeights.WIDTH, WidePanelGemm.SCRATCH);
    private static final boolean WIDE = WidePanelGemm.possible();

    private PanelGemm()
    {
    }

    /** The most rows for which callers should use this rather than BLAS. */
    static int rowsUpTo()
    {
        return WIDE ? WidePanelGemm.ROWS_UP_TO : ROWS_UP_TO;
    }

    /** Whether this machine's vectors are wide enough for the kernels to be single instructions. */
    static boolean worthwhile()
    {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= HALF.vectorBitSize();
    }

    /** Whether this machine runs {@link WidePanelGemm}'s blocks; the 8-lane tiles run (and are tested) only where it does not. */
    static boolean wide()
    {
        return WIDE;
    }

    /** Floats that {@link #packRows} writes for {@code rows} rows of {@code k} values. */
    static int packedLength(int rows, int k, boolean wide)
    {
        return wide ? WidePanelGemm.packedLength(rows, k) : rows * k;
    }

    /**
     * Rows {@code 0 .. rows - 1} of {@code A} (at {@code aOffset}, leading dimension {@code lda}) into {@code into}, laid
     * out for {@link #multiply} with the same {@code wide}: one after another for the 8-lane tiles, in blocks of eight for
     * the wide ones. Read in the kernels' inner loops, {@code A} is a Java array rather than the native block, whose
     * accesses the JIT does not hoist.
     */
    static void packRows(FloatBlock a, long aOffset, int lda, int rows, int k, float[] into, boolean wide)
    {
        if (wide) {
            WidePanelGemm.packRows(a, aOffset, lda, rows, k, into);
            return;
        }
        for (int r = 0; r < rows; r++) {
            a.copyTo((int) (aOffset + (long) r * lda), into, r * k, k);
        }
    }

    /**
     * Columns {@code column .. column + columns - 1} of {@code C = A W}: {@code A}'s {@code rows} rows as {@link #packRows}
     * laid them out with the same {@code wide} ({@code true} only where {@link #wide}), {@code C} at {@code cOffset} with
     * leading dimension {@code ldc}; other columns of {@code C} are not touched. {@code scratch} holds at least {@link
     * #SCRATCH} floats: tiles pass through it on their way into {@code C}.
     */
    static void multiply(int rows, int column, int columns, float[] packedRows, PanelWeights w, FloatBlock c, long cOffset, int ldc, float[] scratch,
            boolean wide)
    {
        if (column < 0 || columns < 0 || column + columns > w.n()) {
            throw new IllegalArgumentException("columns " + column + " .. " + (column + columns) + " of a product " + w.n() + " wide");
        }
        if (packedRows.length < packedLength(rows, w.k(), wide)) {
            throw new IllegalArgumentException(rows + " rows of " + w.k() + " need " + packedLength(rows, w.k(), wide) + " floats, not "
                    + packedRows.length);
        }
        if (wide) {
            WidePanelGemm.multiply(rows, column, columns, packedRows, w, c, cOffset, ldc, scratch);
            return;
        }
        int k = w.k();
        float[] panels = w.panels();
        int end = column + columns;
        int panel = column / PanelWeights.WIDTH;
        while (panel * PanelWeights.WIDTH < end) {
            int panelStart = panel * PanelWeights.WIDTH;
            int panelOffset = panel * k * PanelWeights.WIDTH;
            long cAt = cOffset + panelStart;
            int from = Math.max(column, panelStart) - panelStart;
            int to = Math.min(end, panelStart + PanelWeights.WIDTH) - panelStart;
            boolean whole = from == 0 && to == PanelWeights.WIDTH;
            for (int row = 0; row < rows; row += TILE_ROWS) {
                int tileRows = Math.min(TILE_ROWS, rows - row);
                if (whole && tileRows == TILE_ROWS) {
                    tile(packedRows, row * k, k, panels, panelOffset, c, cAt + (long) row * ldc, ldc, scratch);
                }
                else {
                    rowsOneByOne(row, tileRows, from, to, packedRows, k, panels, panelOffset, c, cAt, ldc, scratch);
                }
            }
            panel++;
        }
    }

    /** An edge: rows {@code row .. row + count - 1} one at a time into a scratch row, then only columns {@code from .. to - 1}. */
    private static void rowsOneByOne(int row, int count, int from, int to, float[] a, int k, float[] panels, int panelOffset, FloatBlock c,
            long cAt, int ldc, float[] scratch)
    {
        for (int r = row; r < row + count; r++) {
            singleRow(a, r * k, k, panels, panelOffset, scratch);
            c.copyFrom(scratch, from, (int) (cAt + (long) r * ldc + from), to - from);
        }
    }

    /** One 4 x 16 tile; {@code A}'s rows are {@code k} apart. */
    private static void tile(float[] a, int aAt, int k, float[] panels, int panelOffset, FloatBlock c, long cAt, int ldc, float[] scratch)
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
        c00.intoArray(scratch, 0);
        c01.intoArray(scratch, HALF_LANES);
        c10.intoArray(scratch, 16);
        c11.intoArray(scratch, 16 + HALF_LANES);
        c20.intoArray(scratch, 32);
        c21.intoArray(scratch, 32 + HALF_LANES);
        c30.intoArray(scratch, 48);
        c31.intoArray(scratch, 48 + HALF_LANES);
        copyRows(scratch, c, cAt, ldc);
    }

    /** A tile's four rows, one after another in {@code scratch}, into {@code C}. */
    private static void copyRows(float[] scratch, FloatBlock c, long cAt, int ldc)
    {
        for (int r = 0; r < TILE_ROWS; r++) {
            c.copyFrom(scratch, r * PanelWeights.WIDTH, (int) (cAt + (long) r * ldc), PanelWeights.WIDTH);
        }
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
