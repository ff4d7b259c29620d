package org.ernie4j.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import org.ernie4j.core.PublicApi;

/**
 * Measures what the BLAS really delivers: the median float32 matrix-product speed at a given size.
 */
@PublicApi
public final class BlasProbe
{
    private BlasProbe()
    {
    }

    /** Median GFLOP/s of {@code rounds} products of two {@code size x size} float matrices, after two warm-up products. */
    public static double sgemmGflops(int size, int rounds)
    {
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, size, size);
        for (int i = 0; i < 2; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        List<Double> speeds = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double seconds = (System.nanoTime() - started) / 1e9;
            speeds.add(2.0 * size * size * size / seconds / 1e9);
        }
        Collections.sort(speeds);
        return speeds.get(speeds.size() / 2);
    }
}
