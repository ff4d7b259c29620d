package org.ernie4j.core.engine.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A W} for few rows of {@code A} and weights packed once into {@link PanelWeights}: each 4-row x 16-column
 * tile of {@code C} is eight vector accumulators of 8 lanes, fed by one pass over the panel and a broadcast of each row's
 * values; where the machine has 16-lane vectors (AVX-512), two adjacent panels make a 4 x 32 tile of eight 16-lane
 * accumulators instead. BLAS spends much of a product of a few rows packing its operand again; here only {@code A}'s
 * rows are copied (into a Java array, see {@link Gemm}). Measured in a forward-only engine on MiniLM's shape, two workers
 * (docs/BENCHMARKS.md): with 4 x 16 tiles the products of 32 rows ran faster than on OpenBLAS and those of 64 rows
 * (1 x 128's shares) slower (medians 28.4 against 22.8 ms, AMD EPYC); with 4 x 32 tiles batch 1 x 128 ran 1.55 times as
 * fast as on OpenBLAS (Intel Xeon). Hence {@link #rowsUpTo}: 64 rows with wide tiles, 32 without.
 */
final class PanelGemm
{
    private static final int ROWS_UP_TO = 32;
    private static final int WIDE_ROWS_UP_TO = 64;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    private static final int HALF_LANES = HALF.length();
    private static final int TILE_ROWS = 4;
    /** Floats of the scratch that {@link #multiply} needs: a 4 x 32 tile. */
    static final int SCRATCH = TILE_ROWS * 2 * PanelWeights.WIDTH;
    private static final VectorSpecies<Float> FULL = FloatVector.SPECIES_512;
    /**
     * Whether pairs of panels are multiplied in 16-lane vectors: only where the machine has them (AVX-512), since a
     * species wider than the hardware's runs as slow Java code.
     */
    private static final boolean WIDE_VECTORS = FULL.length() == PanelWeights.WIDTH
            && FloatVector.SPECIES_PREFERRED.vectorBitSize() >= FULL.vectorBitSize();
    private static final boolean WIDE = WIDE_VECTORS && Boolean.parseBoolean(System.getProperty(FusedEngine.WIDE_TILES_PROPERTY, "true"));

    private PanelGemm()
    {
    }

    /** The most rows for which callers should use this rather than BLAS. */
    static int rowsUpTo()
    {
        return WIDE ? WIDE_ROWS_UP_TO : ROWS_UP_TO;
    }

    /** Whether this machine's vectors are wide enough for the kernel's 8-lane halves to be single instructions. */
    static boolean worthwhile()
    {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= HALF.vectorBitSize();
    }

    /**
     * Columns {@code column .. column + columns - 1} of {@code C = A W}: {@code A} is {@code rows x w.k()}, its rows one
     * after another in a Java array (read in the inner loop, where a native buffer's accesses are not hoisted), {@code C}
     * at {@code cOffset} with leading dimension {@code ldc}; other columns of {@code C} are not touched. {@code scratch}
     * holds at least {@link #SCRATCH} floats: tiles pass through it on their way into {@code C}.
     */
    static void multiply(int rows, int column, int columns, float[] a, PanelWeights w, FloatBlock c, long cOffset, int ldc, float[] scratch)
    {
        multiply(rows, column, columns, a, w, c, cOffset, ldc, scratch, WIDE);
    }

    /** Whether this machine can run 4 x 32 tiles (the tests run both kinds where both exist). */
    static boolean wideTilesPossible()
    {
        return WIDE_VECTORS;
    }

    /** {@link #multiply} with the tiles chosen: {@code wide} only where {@link #wideTilesPossible}. */
    static void multiply(int rows, int column, int columns, float[] a, PanelWeights w, FloatBlock c, long cOffset, int ldc, float[] scratch,
            boolean wide)
    {
        if (column < 0 || columns < 0 || column + columns > w.n()) {
            throw new IllegalArgumentException("columns " + column + " .. " + (column + columns) + " of a product " + w.n() + " wide");
        }
        if (a.length < rows * w.k()) {
            throw new IllegalArgumentException(rows + " rows of " + w.k() + " need " + rows * w.k() + " floats, not " + a.length);
        }
        int k = w.k();
        float[] panels = w.panels();
        int end = column + columns;
        int panel = column / PanelWeights.WIDTH;
        while (panel * PanelWeights.WIDTH < end) {
            int panelStart = panel * PanelWeights.WIDTH;
            int panelOffset = panel * k * PanelWeights.WIDTH;
            long cAt = cOffset + panelStart;
            if (wide && panelStart >= column && panelStart + 2 * PanelWeights.WIDTH <= end) {
                pairOfPanels(rows, a, k, panels, panelOffset, c, cAt, ldc, scratch);
                panel += 2;
                continue;
            }
            int from = Math.max(column, panelStart) - panelStart;
            int to = Math.min(end, panelStart + PanelWeights.WIDTH) - panelStart;
            boolean whole = from == 0 && to == PanelWeights.WIDTH;
            for (int row = 0; row < rows; row += TILE_ROWS) {
                int tileRows = Math.min(TILE_ROWS, rows - row);
                if (whole && tileRows == TILE_ROWS) {
                    tile(a, row * k, k, panels, panelOffset, c, cAt + (long) row * ldc, ldc, scratch);
                }
                else {
                    rowsOneByOne(row, tileRows, from, to, a, k, panels, panelOffset, c, cAt, ldc, scratch);
                }
            }
            panel++;
        }
    }

    /** Two whole panels side by side, in 4 x 32 tiles where the rows fill one. */
    private static void pairOfPanels(int rows, float[] a, int k, float[] panels, int panelOffset, FloatBlock c, long cAt, int ldc,
            float[] scratch)
    {
        int nextPanelOffset = panelOffset + k * PanelWeights.WIDTH;
        for (int row = 0; row < rows; row += TILE_ROWS) {
            int tileRows = Math.min(TILE_ROWS, rows - row);
            if (tileRows == TILE_ROWS) {
                wideTile(a, row * k, k, panels, panelOffset, nextPanelOffset, c, cAt + (long) row * ldc, ldc, scratch);
            }
            else {
                rowsOneByOne(row, tileRows, 0, PanelWeights.WIDTH, a, k, panels, panelOffset, c, cAt, ldc, scratch);
                rowsOneByOne(row, tileRows, 0, PanelWeights.WIDTH, a, k, panels, nextPanelOffset, c, cAt + PanelWeights.WIDTH, ldc, scratch);
            }
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

    /**
     * One 4 x 32 tile of two adjacent panels, in full-width vectors: eight accumulators of 16 lanes, the same count as the
     * 4 x 16 tile's but each twice as wide, so twice the multiply-adds per row value broadcast and per loop turn. Written
     * out apart from {@link #tile}, not shared with it through a species parameter: the vector API compiles to vector
     * instructions only where the species is a constant.
     */
    private static void wideTile(float[] a, int aAt, int k, float[] panels, int leftOffset, int rightOffset, FloatBlock c, long cAt,
            int ldc, float[] scratch)
    {
        FloatVector c00 = FloatVector.zero(FULL);
        FloatVector c01 = FloatVector.zero(FULL);
        FloatVector c10 = FloatVector.zero(FULL);
        FloatVector c11 = FloatVector.zero(FULL);
        FloatVector c20 = FloatVector.zero(FULL);
        FloatVector c21 = FloatVector.zero(FULL);
        FloatVector c30 = FloatVector.zero(FULL);
        FloatVector c31 = FloatVector.zero(FULL);
        int a0 = aAt;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int inner = 0; inner < k; inner++) {
            int step = inner * PanelWeights.WIDTH;
            FloatVector w0 = FloatVector.fromArray(FULL, panels, leftOffset + step);
            FloatVector w1 = FloatVector.fromArray(FULL, panels, rightOffset + step);
            FloatVector x = FloatVector.broadcast(FULL, a[a0 + inner]);
            c00 = x.fma(w0, c00);
            c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(FULL, a[a1 + inner]);
            c10 = x.fma(w0, c10);
            c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(FULL, a[a2 + inner]);
            c20 = x.fma(w0, c20);
            c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(FULL, a[a3 + inner]);
            c30 = x.fma(w0, c30);
            c31 = x.fma(w1, c31);
        }
        c00.intoArray(scratch, 0);
        c01.intoArray(scratch, 16);
        c10.intoArray(scratch, 32);
        c11.intoArray(scratch, 48);
        c20.intoArray(scratch, 64);
        c21.intoArray(scratch, 80);
        c30.intoArray(scratch, 96);
        c31.intoArray(scratch, 112);
        copyRows(scratch, 2 * PanelWeights.WIDTH, c, cAt, ldc);
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
        copyRows(scratch, PanelWeights.WIDTH, c, cAt, ldc);
    }

    /**
     * A tile's four rows of {@code width} floats, one after another in {@code scratch}, into {@code C}. The accumulators
     * go through a Java array rather than straight into the native buffer: the JIT compiled the kernel's stores into a
     * byte buffer as vector instructions in most JVMs but not in all, and in those the whole pass ran twenty times slower
     * (docs/BENCHMARKS.md); stores into an array are compiled like the kernel's loads from one.
     */
    private static void copyRows(float[] scratch, int width, FloatBlock c, long cAt, int ldc)
    {
        for (int r = 0; r < TILE_ROWS; r++) {
            c.copyFrom(scratch, r * width, (int) (cAt + (long) r * ldc), width);
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
