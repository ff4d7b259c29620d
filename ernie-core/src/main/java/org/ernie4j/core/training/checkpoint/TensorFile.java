package org.ernie4j.core.training.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ernie4j.core.support.DenseArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named tensors in one file: a small header per tensor (name, type, shape) followed by its values, little-endian. The
 * format is ours and engine-neutral, so that every engine reads and writes the same checkpoints.
 */
public final class TensorFile
{
    private static final String MAGIC = "ernie4j-tensors";
    private static final int VERSION = 1;
    private static final int CHUNK = 1 << 20;

    private TensorFile()
    {
    }

    public static void write(Path file, Map<String, INDArray> tensors)
            throws IOException
    {
        try (OutputStream out = Files.newOutputStream(file);
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, CHUNK))) {
            data.writeUTF(MAGIC);
            data.writeInt(VERSION);
            data.writeInt(tensors.size());
            for (Map.Entry<String, INDArray> entry : tensors.entrySet()) {
                INDArray tensor = entry.getValue();
                data.writeUTF(entry.getKey());
                data.writeByte(typeCode(entry.getKey(), tensor.dataType()));
                data.writeByte(tensor.rank());
                for (long dimension : tensor.shape()) {
                    data.writeLong(dimension);
                }
                writeValues(data, tensor);
            }
        }
    }

    public static Map<String, INDArray> read(Path file)
            throws IOException
    {
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in, CHUNK))) {
            String magic = data.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not an ernie4j tensor file");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has tensor format version " + version + "; this build reads version " + VERSION);
            }
            int count = data.readInt();
            Map<String, INDArray> tensors = new LinkedHashMap<>();
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                DataType type = dataType(data.readByte(), file, name);
                long[] shape = new long[data.readByte()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = data.readLong();
                }
                tensors.put(name, readValues(data, type, shape, chunk));
            }
            return tensors;
        }
        catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }

    private static void writeValues(DataOutputStream data, INDArray tensor)
            throws IOException
    {
        // Parameters and moments are dense already; a copy of each (native memory left for the collector) bought nothing.
        INDArray contiguous = DenseArrays.dense(tensor);
        int width = tensor.dataType() == DataType.DOUBLE ? Double.BYTES : Float.BYTES;
        long length = contiguous.length();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / width;
        for (long start = 0; start < length; start += perChunk) {
            int count = (int) Math.min(perChunk, length - start);
            buffer.clear();
            if (width == Double.BYTES) {
                double[] values = contiguous.data().getDoublesAt(start, count);
                buffer.asDoubleBuffer().put(values);
            }
            else {
                float[] values = contiguous.data().getFloatsAt(start, count);
                buffer.asFloatBuffer().put(values);
            }
            data.write(buffer.array(), 0, count * width);
        }
    }

    /**
     * A tensor's values, read a chunk at a time straight into the array's native memory. Reading a whole tensor at once
     * cost three copies of it besides the array (a byte array, a float array, and the direct buffer the JDK's channel
     * read allocates for a read that large and then keeps cached for the thread): 140 MB more peak memory for
     * all-MiniLM-L6-v2's 47 MB word-embedding table.
     */
    private static INDArray readValues(DataInputStream data, DataType type, long[] shape, byte[] chunk)
            throws IOException
    {
        long length = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        INDArray values = Nd4j.createUninitialized(type, shape, 'c');
        if (length == 0) {
            return values;
        }
        ByteBuffer target = values.data().asNio().order(ByteOrder.nativeOrder());
        ByteBuffer source = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        boolean doubles = type == DataType.DOUBLE;
        FloatBuffer floats = doubles ? null : target.asFloatBuffer();
        DoubleBuffer doubleValues = doubles ? target.asDoubleBuffer() : null;
        long remaining = length * (doubles ? Double.BYTES : Float.BYTES);
        while (remaining > 0) {
            // The chunk's size is a multiple of both widths, so no value is split between two reads.
            int bytes = (int) Math.min(chunk.length, remaining);
            data.readFully(chunk, 0, bytes);
            source.clear().limit(bytes);
            if (doubles) {
                doubleValues.put(source.asDoubleBuffer());
            }
            else {
                floats.put(source.asFloatBuffer());
            }
            remaining -= bytes;
        }
        return values;
    }

    private static int typeCode(String name, DataType type)
    {
        return switch (type) {
            case FLOAT -> 0;
            case DOUBLE -> 1;
            default -> throw new IllegalArgumentException("tensor " + name + " has unsupported type " + type);
        };
    }

    private static DataType dataType(int code, Path file, String name)
            throws IOException
    {
        return switch (code) {
            case 0 -> DataType.FLOAT;
            case 1 -> DataType.DOUBLE;
            default -> throw new IOException(file + ": tensor " + name + " has unknown type code " + code);
        };
    }
}
