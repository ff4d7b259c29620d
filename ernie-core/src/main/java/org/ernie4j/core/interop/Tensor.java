package org.ernie4j.core.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * One tensor of a safetensors or ONNX file: its element type, shape and raw little-endian bytes, row-major. Immutable:
 * bytes are copied in and out, or read through a read-only view. The bytes may lie outside the Java heap (a view of a
 * memory-mapped file), so that importing a file of gigabytes does not need its size in heap.
 */
public final class Tensor
{
    private final TensorType type;
    private final long[] shape;
    /** Read-only, position 0, limit = the byte count. */
    private final ByteBuffer data;

    public Tensor(TensorType type, long[] shape, byte[] data)
    {
        this(type, shape, ByteBuffer.wrap(requireNonNull(data, "data is null").clone()));
    }

    /** Takes {@code data} without a copy: a reader's fresh array, not shared with anyone. */
    static Tensor adopt(TensorType type, long[] shape, byte[] data)
    {
        return new Tensor(type, shape, ByteBuffer.wrap(requireNonNull(data, "data is null")));
    }

    /** Reads {@code data} (from its position to its limit) where it lies, such as a mapped file; it must not change. */
    static Tensor view(TensorType type, long[] shape, ByteBuffer data)
    {
        return new Tensor(type, shape, requireNonNull(data, "data is null"));
    }

    private Tensor(TensorType type, long[] shape, ByteBuffer data)
    {
        this.type = requireNonNull(type, "type is null");
        this.shape = requireNonNull(shape, "shape is null").clone();
        long expected = elements(shape) * type.bytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("a " + type + " tensor of shape " + Arrays.toString(shape) + " has " + expected
                    + " bytes, not " + data.remaining());
        }
        this.data = data.slice().asReadOnlyBuffer();
    }

    /** A float32 tensor holding {@code values}. */
    public static Tensor ofFloats(long[] shape, float[] values)
    {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return adopt(TensorType.F32, shape, buffer.array());
    }

    public TensorType type()
    {
        return type;
    }

    public long[] shape()
    {
        return shape.clone();
    }

    public long elements()
    {
        return elements(shape);
    }

    /** The raw little-endian bytes. */
    public byte[] data()
    {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }

    /** The values as float32; F16 and BF16 widen exactly. */
    public float[] floats()
    {
        int count = Math.toIntExact(elements());
        float[] values = new float[count];
        ByteBuffer buffer = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> buffer.asFloatBuffer().get(values);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = halfToFloat(buffer.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    // bfloat16 is the upper half of a float32.
                    values[i] = Float.intBitsToFloat((buffer.getShort(2 * i) & 0xffff) << 16);
                }
            }
            default -> throw new IllegalStateException("a " + type + " tensor has no exact float32 values");
        }
        return values;
    }

    /** The values of an integer tensor. */
    public long[] longs()
    {
        int count = Math.toIntExact(elements());
        long[] values = new long[count];
        ByteBuffer buffer = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case I64 -> buffer.asLongBuffer().get(values);
            case I32 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = buffer.getInt(4 * i);
                }
            }
            default -> throw new IllegalStateException("a " + type + " tensor is not an integer tensor");
        }
        return values;
    }

    /** IEEE 754 binary16 to float32, exactly (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half)
    {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: mantissa * 2^-24, exact in float32.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    static long elements(long[] shape)
    {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof Tensor other && type == other.type && Arrays.equals(shape, other.shape) && data.equals(other.data);
    }

    @Override
    public int hashCode()
    {
        return data.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString()
    {
        return type + Arrays.toString(shape);
    }
}
