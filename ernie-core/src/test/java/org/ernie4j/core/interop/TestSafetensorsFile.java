package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The safetensors format: files written by PyTorch's side (the fixtures) are read, ours read back bit for bit, and broken
 * files are refused with the file and the tensor named.
 */
class TestSafetensorsFile
{
    @TempDir
    Path temporary;

    @Test
    void readsTheFixtureAndWritesTheSameBytesBack()
            throws IOException
    {
        Path fixture = TestingOracle.of(TestingOracle.ERNIE_ERF).directory().resolve("model.safetensors");
        SafetensorsFile file = SafetensorsFile.read(fixture);
        assertThat(file.tensors()).containsKey("embeddings.word_embeddings.weight").hasSize(45);
        assertThat(file.tensors().get("embeddings.word_embeddings.weight").shape()).containsExactly(50, 16);
        assertThat(file.tensors().get("encoder.layer.1.intermediate.dense.weight").shape()).containsExactly(32, 16);
        assertThat(file.metadata()).containsEntry("format", "pt");

        Path copy = temporary.resolve("copy.safetensors");
        file.write(copy);
        SafetensorsFile again = SafetensorsFile.read(copy);
        assertThat(again.tensors()).isEqualTo(file.tensors());
        assertThat(again.metadata()).isEqualTo(file.metadata());
        Path second = temporary.resolve("second.safetensors");
        again.write(second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(copy));
    }

    @Test
    void widensHalfPrecisionExactly()
    {
        assertThat(Tensor.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(Tensor.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(Tensor.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(Tensor.halfToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
        assertThat(Tensor.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(Tensor.halfToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        byte[] bf16 = {(byte) 0x80, (byte) 0x3f, 0x40, (byte) 0xc0};   // 1.0 and -3.0, little-endian
        assertThat(new Tensor(TensorType.BF16, new long[] {2}, bf16).floats()).containsExactly(1f, -3f);
    }

    @Test
    void refusesATruncatedFileNamingTheTensor()
            throws IOException
    {
        Path file = written();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor b: data_offsets [8, 24] lie outside the 20 data bytes (a truncated file?)");
    }

    @Test
    void refusesHeadersThatDoNotDescribeTheData()
            throws IOException
    {
        assertThatThrownBy(() -> SafetensorsFile.read(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8)))
                .hasMessageContaining("tensor a: F32 of shape [3] needs 12 bytes but data_offsets give 8");
        assertThatThrownBy(() -> SafetensorsFile.read(withHeader("{\"a\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[0,3]}}", 3)))
                .hasMessageContaining("tensor a: dtype U8 is not one of");
        assertThatThrownBy(() -> SafetensorsFile.read(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)))
                .hasMessageContaining("not JSON").hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> SafetensorsFile.read(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8)))
                .hasMessageContaining("4 data bytes after the last tensor that belong to no tensor");
        assertThatThrownBy(() -> SafetensorsFile.read(withHeader("[1, 2]", 0)))
                .hasMessageContaining("not a JSON object");
        Path tiny = temporary.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.read(tiny)).hasMessageContaining("tiny.safetensors: is not a safetensors file: 3 bytes");
        assertThatThrownBy(() -> SafetensorsFile.read(temporary.resolve("absent.safetensors"))).hasMessageContaining("does not exist");
    }

    private Path written()
    {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a", Tensor.ofFloats(new long[] {2}, new float[] {1, 2}));
        tensors.put("b", Tensor.ofFloats(new long[] {2, 2}, new float[] {3, 4, 5, 6}));
        Path file = temporary.resolve("small.safetensors");
        new SafetensorsFile(tensors, Map.of()).write(file);
        return file;
    }

    private Path withHeader(String json, int dataBytes)
            throws IOException
    {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length).put(header);
        Path file = temporary.resolve("made.safetensors");
        Files.write(file, buffer.array());
        return file;
    }

    @Test
    void readsAFileWithoutItsSizeInHeap()
            throws IOException
    {
        // Four tensors of 64 MB: read into the heap they would take 256 MB; mapped, they take none of it.
        int elements = 16 << 20;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float[] values = new float[elements];
        for (int i = 0; i < 4; i++) {
            values[i] = i + 1;
            tensors.put("layer." + i, Tensor.ofFloats(new long[] {elements}, values));
        }
        Path file = temporary.resolve("large.safetensors");
        new SafetensorsFile(tensors, Map.of()).write(file);
        tensors.clear();
        values = null;

        long before = TestingHeap.used();
        SafetensorsFile read = SafetensorsFile.read(file);
        long grown = TestingHeap.used() - before;
        assertThat(read.tensors()).hasSize(4);
        assertThat(read.tensors().get("layer.3").floats()[3]).isEqualTo(4f);
        // A quarter of the file: reading it into the heap took 267 MB; after-collection heap readings are noisy by tens of MB.
        assertThat(grown).as("heap taken by reading a 256 MB file").isLessThan(64L << 20);
    }
}
