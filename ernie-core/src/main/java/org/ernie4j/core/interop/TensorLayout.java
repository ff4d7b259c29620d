package org.ernie4j.core.interop;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves values between a safetensors tensor and an ernie4j parameter array, transposing a matrix when the two sides lay
 * it out differently. Only a copy and a transpose: float32 values pass through bit for bit, which is what makes an
 * export followed by an import exact.
 */
final class TensorLayout
{
    private TensorLayout()
    {
    }

    /** The shape ernie4j expects of a Hugging Face tensor of {@code shape}. */
    static long[] ours(long[] shape, boolean transposed)
    {
        return transposed && shape.length == 2 ? new long[] {shape[1], shape[0]} : shape.clone();
    }

    /** A float32 parameter array of {@code ourShape} from a tensor laid out the Hugging Face way. */
    static INDArray toArray(Tensor tensor, boolean transposed)
    {
        float[] values = tensor.floats();
        long[] shape = tensor.shape();
        if (transposed) {
            values = transpose(values, Math.toIntExact(shape[0]), Math.toIntExact(shape[1]));
        }
        return Nd4j.create(values, ours(shape, transposed), 'c');
    }

    /** A float32 tensor laid out the Hugging Face way from a parameter array. */
    static Tensor toTensor(INDArray array, boolean transposed)
    {
        INDArray dense = array.castTo(DataType.FLOAT).dup('c');
        float[] values = dense.data().asFloat();
        long[] shape = dense.shape();
        if (transposed) {
            values = transpose(values, Math.toIntExact(shape[0]), Math.toIntExact(shape[1]));
        }
        return Tensor.ofFloats(ours(shape, transposed), values);
    }

    /** The transpose of a row-major {@code rows x columns} matrix, row-major. */
    static float[] transpose(float[] values, int rows, int columns)
    {
        float[] transposed = new float[values.length];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                transposed[column * rows + row] = values[row * columns + column];
            }
        }
        return transposed;
    }
}
