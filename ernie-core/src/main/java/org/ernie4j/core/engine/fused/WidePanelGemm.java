package org.ernie4j.core.engine.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A W} on weights packed once into {@link PanelWeights}, for machines with 16-lane float vectors (AVX-512):
 * blocks of 8 rows x 3 panels (8 x 48) of {@code C}, 24 accumulators of the 32 vector registers, each panel row loaded
 * once per block and each row value broadcast once for three multiply-adds. {@code A}'s rows are first copied into blocks
 * of eight whose values of one inner index sit side by side ({@link #packRows}), so a block reads one short run of
 * {@code A} per inner index instead of eight streams. Measured alone on one core of an Intel Xeon (a harness timing the
 * kernels of MiniLM's products, docs/BENCHMARKS.md): 127-158 GFLOP/s from 32 to 512 rows on rows already packed, 109-134
 * with the packing, where the 4 x 32 tiles before ran at 91-95 and OpenBLAS's {@code sgemm} at 63-81 on 32 rows.
 *
 * <p>Every vector here is of the machine's preferred species, as in the engine's other kernels, and no 8-lane vector is
 * made in a JVM that runs this class: C2 compiles a vector method's stores ({@code intoArray}) through calls whose type
 * profile all species share, and where two species have been seen it cannot prove the accumulators' class, keeps them as
 * objects and runs the kernel some fifty times slower (measured in the same harness: any kernel run after another
 * species' kernel in one JVM). That is what made some JVMs of the earlier engine twenty times slower, whose 4 x 16 and
 * one-row kernels used 8-lane vectors beside the 16-lane ones (their compilation logs show both classes in the kernel's
 * profiles, docs/BENCHMARKS.md).
 */
final class WidePanelGemm
{
    /** Rows of a block: each block's 8 x 48 tile holds 24 of the 32 vector registers. */
    static final int BLOCK_ROWS = 8;
    /** Panels multiplied at once. */
    private static final int GROUP = 3;
    private static final int TILE_WIDTH = GROUP * PanelWeights.WIDTH;
    /** Floats of the scratch that {@link #multiply} needs: a block's 8 x 48 tile. */
    static final int SCRATCH = BLOCK_ROWS * TILE_WIDTH;
    /**
     * The most rows per product for which the engine should use this rather than BLAS. Packing and product together
     * (the harness, MiniLM's two feed-forward products, one core): 131 and 125 GFLOP/s on 128 rows against OpenBLAS's 111
     * and 107; on 256 rows 135 and 118 against 132 and 126, and OpenBLAS ahead from there.
     */
    static final int ROWS_UP_TO = 128;
    private static final VectorSpecies<Float> FULL = FloatVector.SPECIES_512;

    private WidePanelGemm()
    {
    }

    /** Whether this machine's preferred vectors have 16 lanes, one panel's width: only then may this class run. */
    static boolean possible()
    {
        return FloatVector.SPECIES_PREFERRED.length() == PanelWeights.WIDTH && FULL.length() == PanelWeights.WIDTH;
    }

    /** Floats that {@link #packRows} writes for {@code rows} rows of {@code k} values: whole blocks of eight. */
    static int packedLength(int rows, int k)
    {
        return blocks(rows) * BLOCK_ROWS * k;
    }

    /**
     * Rows {@code 0 .. rows - 1} of {@code A} (at {@code aOffset}, leading dimension {@code lda}) into {@code into}, in
     * blocks of eight rows with a block's values for one inner index side by side; a last block of fewer rows is padded
     * with zeros (not left with earlier values, which might be subnormal and slow the multiply-adds), whose products are
     * computed and never stored. Written in order, read from the block directly: in the harness that took about 16 us for
     * 32 rows of 1,536 (the product after it 130 us), against 25 us for a bulk copy of the rows followed by the interleaving
     * and about 40 us for a bulk copy followed by writing each row's values eight floats apart.
     */
    static void packRows(FloatBlock a, long aOffset, int lda, int rows, int k, float[] into)
    {
        for (int block = 0; block < blocks(rows); block++) {
            int first = block * BLOCK_ROWS;
            int to = first * k;
            int from = (int) (aOffset + (long) first * lda);
            if (first + BLOCK_ROWS <= rows) {
                for (int inner = 0; inner < k; inner++) {
                    int at = from + inner;
                    into[to] = a.get(at);
                    into[to + 1] = a.get(at + lda);
                    into[to + 2] = a.get(at + 2 * lda);
                    into[to + 3] = a.get(at + 3 * lda);
                    into[to + 4] = a.get(at + 4 * lda);
                    into[to + 5] = a.get(at + 5 * lda);
                    into[to + 6] = a.get(at + 6 * lda);
                    into[to + 7] = a.get(at + 7 * lda);
                    to += BLOCK_ROWS;
                }
                continue;
            }
            int left = rows - first;
            for (int inner = 0; inner < k; inner++) {
                for (int r = 0; r < BLOCK_ROWS; r++) {
                    into[to + r] = r < left ? a.get(from + r * lda + inner) : 0f;
                }
                to += BLOCK_ROWS;
            }
        }
    }

    /**
     * Columns {@code column .. column + columns - 1} of {@code C = A W}, {@code A}'s rows packed by {@link #packRows},
     * {@code C}'s column 0 of row 0 at {@code cOffset}, leading dimension {@code ldc}; other columns of {@code C} are not
     * touched. A group of panels that the columns cover only in part is computed whole and stored in part.
     */
    static void multiply(int rows, int column, int columns, float[] packedRows, PanelWeights w, FloatBlock c, long cOffset, int ldc,
            float[] scratch)
    {
        if (columns == 0 || rows == 0) {
            return;
        }
        int k = w.k();
        float[] panels = w.panels();
        int panelSize = k * PanelWeights.WIDTH;
        int end = column + columns;
        int last = (end - 1) / PanelWeights.WIDTH;
        for (int panel = column / PanelWeights.WIDTH; panel <= last; panel += GROUP) {
            int group = Math.min(GROUP, last - panel + 1);
            int groupStart = panel * PanelWeights.WIDTH;
            int from = Math.max(column, groupStart) - groupStart;
            int to = Math.min(end, groupStart + group * PanelWeights.WIDTH) - groupStart;
            int p0 = panel * panelSize;
            for (int block = 0; block < blocks(rows); block++) {
                int aAt = block * BLOCK_ROWS * k;
                if (group == 3) {
                    block48(packedRows, aAt, k, panels, p0, p0 + panelSize, p0 + 2 * panelSize, scratch);
                }
                else if (group == 2) {
                    block32(packedRows, aAt, k, panels, p0, p0 + panelSize, scratch);
                }
                else {
                    block16(packedRows, aAt, k, panels, p0, scratch);
                }
                int first = block * BLOCK_ROWS;
                for (int r = 0; r < Math.min(BLOCK_ROWS, rows - first); r++) {
                    c.copyFrom(scratch, r * TILE_WIDTH + from, (int) (cOffset + (long) (first + r) * ldc + groupStart + from), to - from);
                }
            }
        }
    }

    private static int blocks(int rows)
    {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    // The three kernels below differ only in their number of panels. They are written out, not shared through a loop over
    // panels or a helper per row: the accumulators must be locals the JIT can keep in registers, and the vector API
    // compiles to vector instructions only where the species is a constant. Each stores its tile into the scratch, rows
    // TILE_WIDTH apart: stores into a Java array are compiled like the loads from one (docs/BENCHMARKS.md).

    /** Eight rows x three panels: 24 accumulators of 16 lanes, three panel loads and eight broadcasts per 24 multiply-adds. */
    private static void block48(float[] a, int aAt, int k, float[] panels, int p0, int p1, int p2, float[] s)
    {
        FloatVector c00 = FloatVector.zero(FULL); FloatVector c01 = FloatVector.zero(FULL); FloatVector c02 = FloatVector.zero(FULL);
        FloatVector c10 = FloatVector.zero(FULL); FloatVector c11 = FloatVector.zero(FULL); FloatVector c12 = FloatVector.zero(FULL);
        FloatVector c20 = FloatVector.zero(FULL); FloatVector c21 = FloatVector.zero(FULL); FloatVector c22 = FloatVector.zero(FULL);
        FloatVector c30 = FloatVector.zero(FULL); FloatVector c31 = FloatVector.zero(FULL); FloatVector c32 = FloatVector.zero(FULL);
        FloatVector c40 = FloatVector.zero(FULL); FloatVector c41 = FloatVector.zero(FULL); FloatVector c42 = FloatVector.zero(FULL);
        FloatVector c50 = FloatVector.zero(FULL); FloatVector c51 = FloatVector.zero(FULL); FloatVector c52 = FloatVector.zero(FULL);
        FloatVector c60 = FloatVector.zero(FULL); FloatVector c61 = FloatVector.zero(FULL); FloatVector c62 = FloatVector.zero(FULL);
        FloatVector c70 = FloatVector.zero(FULL); FloatVector c71 = FloatVector.zero(FULL); FloatVector c72 = FloatVector.zero(FULL);
        for (int inner = 0; inner < k; inner++) {
            int step = inner * PanelWeights.WIDTH;
            int at = aAt + inner * BLOCK_ROWS;
            FloatVector w0 = FloatVector.fromArray(FULL, panels, p0 + step);
            FloatVector w1 = FloatVector.fromArray(FULL, panels, p1 + step);
            FloatVector w2 = FloatVector.fromArray(FULL, panels, p2 + step);
            FloatVector x = FloatVector.broadcast(FULL, a[at]);
            c00 = x.fma(w0, c00); c01 = x.fma(w1, c01); c02 = x.fma(w2, c02);
            x = FloatVector.broadcast(FULL, a[at + 1]);
            c10 = x.fma(w0, c10); c11 = x.fma(w1, c11); c12 = x.fma(w2, c12);
            x = FloatVector.broadcast(FULL, a[at + 2]);
            c20 = x.fma(w0, c20); c21 = x.fma(w1, c21); c22 = x.fma(w2, c22);
            x = FloatVector.broadcast(FULL, a[at + 3]);
            c30 = x.fma(w0, c30); c31 = x.fma(w1, c31); c32 = x.fma(w2, c32);
            x = FloatVector.broadcast(FULL, a[at + 4]);
            c40 = x.fma(w0, c40); c41 = x.fma(w1, c41); c42 = x.fma(w2, c42);
            x = FloatVector.broadcast(FULL, a[at + 5]);
            c50 = x.fma(w0, c50); c51 = x.fma(w1, c51); c52 = x.fma(w2, c52);
            x = FloatVector.broadcast(FULL, a[at + 6]);
            c60 = x.fma(w0, c60); c61 = x.fma(w1, c61); c62 = x.fma(w2, c62);
            x = FloatVector.broadcast(FULL, a[at + 7]);
            c70 = x.fma(w0, c70); c71 = x.fma(w1, c71); c72 = x.fma(w2, c72);
        }
        c00.intoArray(s, 0); c01.intoArray(s, 16); c02.intoArray(s, 32);
        c10.intoArray(s, 48); c11.intoArray(s, 64); c12.intoArray(s, 80);
        c20.intoArray(s, 96); c21.intoArray(s, 112); c22.intoArray(s, 128);
        c30.intoArray(s, 144); c31.intoArray(s, 160); c32.intoArray(s, 176);
        c40.intoArray(s, 192); c41.intoArray(s, 208); c42.intoArray(s, 224);
        c50.intoArray(s, 240); c51.intoArray(s, 256); c52.intoArray(s, 272);
        c60.intoArray(s, 288); c61.intoArray(s, 304); c62.intoArray(s, 320);
        c70.intoArray(s, 336); c71.intoArray(s, 352); c72.intoArray(s, 368);
    }

    /** Eight rows x two panels, for a group of columns that ends two panels short of three. */
    private static void block32(float[] a, int aAt, int k, float[] panels, int p0, int p1, float[] s)
    {
        FloatVector c00 = FloatVector.zero(FULL); FloatVector c01 = FloatVector.zero(FULL);
        FloatVector c10 = FloatVector.zero(FULL); FloatVector c11 = FloatVector.zero(FULL);
        FloatVector c20 = FloatVector.zero(FULL); FloatVector c21 = FloatVector.zero(FULL);
        FloatVector c30 = FloatVector.zero(FULL); FloatVector c31 = FloatVector.zero(FULL);
        FloatVector c40 = FloatVector.zero(FULL); FloatVector c41 = FloatVector.zero(FULL);
        FloatVector c50 = FloatVector.zero(FULL); FloatVector c51 = FloatVector.zero(FULL);
        FloatVector c60 = FloatVector.zero(FULL); FloatVector c61 = FloatVector.zero(FULL);
        FloatVector c70 = FloatVector.zero(FULL); FloatVector c71 = FloatVector.zero(FULL);
        for (int inner = 0; inner < k; inner++) {
            int step = inner * PanelWeights.WIDTH;
            int at = aAt + inner * BLOCK_ROWS;
            FloatVector w0 = FloatVector.fromArray(FULL, panels, p0 + step);
            FloatVector w1 = FloatVector.fromArray(FULL, panels, p1 + step);
            FloatVector x = FloatVector.broadcast(FULL, a[at]);
            c00 = x.fma(w0, c00); c01 = x.fma(w1, c01);
            x = FloatVector.broadcast(FULL, a[at + 1]);
            c10 = x.fma(w0, c10); c11 = x.fma(w1, c11);
            x = FloatVector.broadcast(FULL, a[at + 2]);
            c20 = x.fma(w0, c20); c21 = x.fma(w1, c21);
            x = FloatVector.broadcast(FULL, a[at + 3]);
            c30 = x.fma(w0, c30); c31 = x.fma(w1, c31);
            x = FloatVector.broadcast(FULL, a[at + 4]);
            c40 = x.fma(w0, c40); c41 = x.fma(w1, c41);
            x = FloatVector.broadcast(FULL, a[at + 5]);
            c50 = x.fma(w0, c50); c51 = x.fma(w1, c51);
            x = FloatVector.broadcast(FULL, a[at + 6]);
            c60 = x.fma(w0, c60); c61 = x.fma(w1, c61);
            x = FloatVector.broadcast(FULL, a[at + 7]);
            c70 = x.fma(w0, c70); c71 = x.fma(w1, c71);
        }
        c00.intoArray(s, 0); c01.intoArray(s, 16);
        c10.intoArray(s, 48); c11.intoArray(s, 64);
        c20.intoArray(s, 96); c21.intoArray(s, 112);
        c30.intoArray(s, 144); c31.intoArray(s, 160);
        c40.intoArray(s, 192); c41.intoArray(s, 208);
        c50.intoArray(s, 240); c51.intoArray(s, 256);
        c60.intoArray(s, 288); c61.intoArray(s, 304);
        c70.intoArray(s, 336); c71.intoArray(s, 352);
    }

    /** Eight rows x one panel, for a group of columns that ends one panel short of three. */
    private static void block16(float[] a, int aAt, int k, float[] panels, int p0, float[] s)
    {
        FloatVector c00 = FloatVector.zero(FULL);
        FloatVector c10 = FloatVector.zero(FULL);
        FloatVector c20 = FloatVector.zero(FULL);
        FloatVector c30 = FloatVector.zero(FULL);
        FloatVector c40 = FloatVector.zero(FULL);
        FloatVector c50 = FloatVector.zero(FULL);
        FloatVector c60 = FloatVector.zero(FULL);
        FloatVector c70 = FloatVector.zero(FULL);
        for (int inner = 0; inner < k; inner++) {
            int step = inner * PanelWeights.WIDTH;
            int at = aAt + inner * BLOCK_ROWS;
            FloatVector w0 = FloatVector.fromArray(FULL, panels, p0 + step);
            FloatVector x = FloatVector.broadcast(FULL, a[at]);
            c00 = x.fma(w0, c00);
            x = FloatVector.broadcast(FULL, a[at + 1]);
            c10 = x.fma(w0, c10);
            x = FloatVector.broadcast(FULL, a[at + 2]);
            c20 = x.fma(w0, c20);
            x = FloatVector.broadcast(FULL, a[at + 3]);
            c30 = x.fma(w0, c30);
            x = FloatVector.broadcast(FULL, a[at + 4]);
            c40 = x.fma(w0, c40);
            x = FloatVector.broadcast(FULL, a[at + 5]);
            c50 = x.fma(w0, c50);
            x = FloatVector.broadcast(FULL, a[at + 6]);
            c60 = x.fma(w0, c60);
            x = FloatVector.broadcast(FULL, a[at + 7]);
            c70 = x.fma(w0, c70);
        }
        c00.intoArray(s, 0);
        c10.intoArray(s, 48);
        c20.intoArray(s, 96);
        c30.intoArray(s, 144);
        c40.intoArray(s, 192);
        c50.intoArray(s, 240);
        c60.intoArray(s, 288);
        c70.intoArray(s, 336);
    }
}
