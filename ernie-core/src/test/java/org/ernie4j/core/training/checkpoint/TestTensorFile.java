package org.ernie4j.core.training.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTensorFile
{
    @TempDir
    Path directory;

    @Test
    void tensorsLargerThanAReadChunkComeBackBitForBit()
            throws IOException
    {
        // 1,000 x 301 floats is 1.15 MB: more than one 1 MB chunk, ending part-way into the second.
        Random random = new Random(7);
        float[] large = new float[1000 * 301];
        for (int i = 0; i < large.length; i++) {
            large[i] = (float) random.nextGaussian();
        }
        large[5] = Float.NaN;
        large[6] = -0.0f;
        large[7] = Float.MIN_VALUE;
        double[] doubles = new double[140_001];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = random.nextDouble() * 1e300;
        }
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        tensors.put("embedding", Nd4j.createFromArray(large).reshape(1000, 301));
        tensors.put("scale", Nd4j.createFromArray(2.5f).reshape(1));
        tensors.put("moments", Nd4j.createFromArray(doubles));
        tensors.put("step", Nd4j.scalar(3.0f));
        // A transposed view and a column of a matrix are written as the values they show.
        INDArray matrix = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        tensors.put("transposed", matrix.transpose());
        tensors.put("column", matrix.getColumn(1));
        Path file = directory.resolve("tensors.bin");
        TensorFile.write(file, tensors);

        Map<String, INDArray> read = TensorFile.read(file);

        assertThat(read.keySet()).containsExactly("embedding", "scale", "moments", "step", "transposed", "column");
        assertThat(read.get("transposed").shape()).containsExactly(3, 2);
        assertThat(read.get("transposed").reshape(6).toFloatVector()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(read.get("column").toFloatVector()).containsExactly(2, 5);
        assertThat(read.get("embedding").shape()).containsExactly(1000, 301);
        assertThat(read.get("embedding").dataType()).isEqualTo(DataType.FLOAT);
        assertThat(bits(read.get("embedding").reshape(large.length).toFloatVector())).isEqualTo(bits(large));
        assertThat(read.get("scale").toFloatVector()).containsExactly(2.5f);
        assertThat(read.get("moments").dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(read.get("moments").toDoubleVector()).isEqualTo(doubles);
        assertThat(read.get("step").rank()).isZero();
        assertThat(read.get("step").getFloat(0)).isEqualTo(3.0f);
    }

    @Test
    void aFileCutShortIsReportedAsTruncated()
            throws IOException
    {
        Path file = directory.resolve("tensors.bin");
        TensorFile.write(file, Map.of("weight", Nd4j.rand(DataType.FLOAT, 600, 600)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1000));

        assertThatThrownBy(() -> TensorFile.read(file)).isInstanceOf(IOException.class).hasMessage(file + " is truncated");
    }

    private static int[] bits(float[] values)
    {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
