package org.ernie4j.core.engine.fused;

import org.bytedeco.javacpp.FloatPointer;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * Row-major single-precision matrix products on OpenBLAS, with operands anywhere inside float blocks: a sub-matrix is
 * an offset and a leading dimension, never a copy. One instance per thread: it owns the three pointer objects it hands to
 * BLAS and moves them for every call, and the scratch of products on packed weights, so no object is allocated per
 * product.
 */
final class Gemm
{
    private final MovablePointer a = new MovablePointer();
    private final MovablePointer b = new MovablePointer();
    private final MovablePointer c = new MovablePointer();
    private long flops;
    private float[] packedRows = new float[0];
    private final float[] panelScratch = new float[PanelGemm.SCRATCH];

    /**
     * {@code C = alpha op(A) op(B) + beta C}, with {@code op(A)} of shape {@code [m, k]}, {@code op(B)} of shape
     * {@code [k, n]} and {@code C} of shape {@code [m, n]}, all row-major.
     */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha,
            FloatBlock aBlock, long aOffset, int lda,
            FloatBlock bBlock, long bOffset, int ldb,
            float beta, FloatBlock cBlock, long cOffset, int ldc)
    {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // BLAS implementations differ on an empty inner dimension; the product is then just beta C.
            Kernels.scaleMatrix(cBlock, cOffset, m, n, ldc, beta);
            return;
        }
        a.point(aBlock.address() + 4 * aOffset);
        b.point(bBlock.address() + 4 * bOffset);
        c.point(cBlock.address() + 4 * cOffset);
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        flops += 2L * m * n * k;
    }

    /**
     * Columns {@code column .. column + columns - 1} of {@code C = A W} on weights packed once ({@link PanelGemm}, for few
     * rows), counted with the other products; {@code cOffset} is where column 0 of {@code C}'s first row is.
     */
    void multiply(int rows, int column, int columns, FloatBlock aBlock, long aOffset, int lda, PanelWeights weights, FloatBlock cBlock,
            long cOffset, int ldc)
    {
        int k = weights.k();
        boolean wide = PanelGemm.wide();
        int length = PanelGemm.packedLength(rows, k, wide);
        if (packedRows.length < length) {
            packedRows = new float[length];
        }
        PanelGemm.packRows(aBlock, aOffset, lda, rows, k, packedRows, wide);
        PanelGemm.multiply(rows, column, columns, packedRows, weights, cBlock, cOffset, ldc, panelScratch, wide);
        flops += 2L * rows * columns * k;
    }

    /** Floating-point operations of all products so far. */
    long flops()
    {
        return flops;
    }

    /** A pointer whose address is set directly; BLAS reads the address (plus a zero position) at every call. */
    private static final class MovablePointer
            extends FloatPointer
    {
        void point(long target)
        {
            address = target;
        }
    }
}
