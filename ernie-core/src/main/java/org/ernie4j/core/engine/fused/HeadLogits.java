package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classification head's logits as a caller sees them: the output bias added to the matrix product, copied out of the
 * engine's buffer into an array of its own (the buffer is reused by the next call).
 */
final class HeadLogits
{
    private HeadLogits()
    {
    }

    /** Adds {@code bias} to each of {@code rows} rows of {@code classes} logits from {@code offset}. */
    static void addBias(FloatBlock logits, long offset, int rows, int classes, FloatBlock bias)
    {
        ByteBuffer z = logits.bytes();
        ByteBuffer b = bias.bytes();
        for (int row = 0; row < rows; row++) {
            long start = offset + (long) row * classes;
            for (int c = 0; c < classes; c++) {
                int index = (int) (4 * (start + c));
                z.putFloat(index, z.getFloat(index) + b.getFloat(4 * c));
            }
        }
    }

    /** The first {@code rows} rows of {@code classes} logits as a new {@code [rows, classes]} array. */
    static INDArray copy(FloatBlock logits, int rows, int classes)
    {
        float[] values = new float[rows * classes];
        logits.bytes().asFloatBuffer().get(0, values);
        return Nd4j.create(values, new long[] {rows, classes}, DataType.FLOAT);
    }
}
