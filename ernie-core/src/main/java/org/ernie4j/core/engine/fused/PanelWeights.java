package org.ernie4j.core.engine.fused;

/**
 * A weight matrix {@code [k, n]} copied once into panels of {@value #WIDTH} columns, each panel's rows one after another,
 * for {@link PanelGemm}. BLAS repacks its operand at every call, which costs as much as the product itself when only a
 * few rows are multiplied (a single short text); a forward-only engine's weights do not change, so they are packed once.
 * The panels are a Java array: the product's inner loop reads them with checks the JIT can hoist, which it cannot do for
 * a native buffer. Columns past {@code n} in the last panel are zeros.
 */
final class PanelWeights
{
    static final int WIDTH = 16;

    private final float[] panels;
    private final int k;
    private final int n;

    private PanelWeights(float[] panels, int k, int n)
    {
        this.panels = panels;
        this.k = k;
        this.n = n;
    }

    /** Packs the row-major {@code [k, n]} matrix at {@code offset} of {@code source}. */
    static PanelWeights pack(FloatBlock source, long offset, int k, int n)
    {
        int count = (n + WIDTH - 1) / WIDTH;
        float[] panels = new float[count * k * WIDTH];
        float[] row = new float[n];
        for (int inner = 0; inner < k; inner++) {
            source.copyTo((int) (offset + (long) inner * n), row, 0, n);
            for (int column = 0; column < n; column++) {
                panels[((column / WIDTH) * k + inner) * WIDTH + column % WIDTH] = row[column];
            }
        }
        return new PanelWeights(panels, k, n);
    }

    float[] panels()
    {
        return panels;
    }

    int k()
    {
        return k;
    }

    int n()
    {
        return n;
    }
}
