package org.ernie4j.runner.spark;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Float arrays as they travel between driver and workers: copied out of ND4J in row-major order, and added up. */
final class Floats
{
    private Floats()
    {
    }

    /** The array's values in row-major order. */
    static float[] of(INDArray value)
    {
        INDArray contiguous = value.isView() || value.ordering() != 'c' ? value.dup('c') : value;
        float[] data = contiguous.data().asFloat();
        return data.length == value.length() ? data : Arrays.copyOf(data, (int) value.length());
    }

    /** Adds {@code values} into {@code sum}, element by element, and returns {@code sum}. */
    static float[] addInto(float[] sum, float[] values)
    {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
        return sum;
    }
}
