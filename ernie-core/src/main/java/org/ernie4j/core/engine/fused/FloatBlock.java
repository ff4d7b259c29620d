package org.ernie4j.core.engine.fused;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.ernie4j.core.support.DenseArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A contiguous run of floats in native memory, read and written by the vector kernels (through a native-order
 * {@link ByteBuffer}) and by BLAS (through its address). Either owned (allocated here, aligned for the widest vectors)
 * or a window onto an ND4J array's buffer, so that parameters, gradients and moments are used where they are, without
 * copies.
 */
final class FloatBlock
{
    static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int ALIGNMENT = 64;

    private final ByteBuffer bytes;
    // A float view made once: bulk copies to and from Java arrays use its absolute methods, which allocate nothing and
    // leave its position alone, so workers may use it at once.
    private final FloatBuffer floats;
    private final long address;
    private final int length;
    // Keeps the ND4J array (and so its native memory) reachable as long as this window is.
    private final INDArray owner;

    private FloatBlock(ByteBuffer bytes, int length, INDArray owner)
    {
        this.bytes = bytes.order(ORDER);
        this.floats = this.bytes.asFloatBuffer();
        this.length = length;
        this.owner = owner;
        this.address = Addresses.of(bytes);
    }

    /** A new block of zeros. */
    static FloatBlock allocate(long length)
    {
        int floats = checkedLength(length);
        // alignedSlice also rounds the end down to the alignment: leave room on both sides.
        int rounded = (4 * floats + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer aligned = ByteBuffer.allocateDirect(rounded + ALIGNMENT).alignedSlice(ALIGNMENT);
        aligned.limit(4 * floats);
        return new FloatBlock(aligned.slice(), floats, null);
    }

    /** A window onto the whole buffer of a dense, C-ordered float array that is not a view. */
    static FloatBlock of(INDArray array)
    {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("the fused engine works on FLOAT arrays, not " + array.dataType());
        }
        if (!DenseArrays.isDense(array)) {
            throw new IllegalArgumentException("the fused engine needs dense arrays that are not views, got shape "
                    + java.util.Arrays.toString(array.shape()) + " ordering " + array.ordering());
        }
        int floats = checkedLength(array.length());
        ByteBuffer bytes = array.data().asNio();
        bytes.limit(4 * floats);
        return new FloatBlock(bytes.slice(), floats, array);
    }

    private static int checkedLength(long length)
    {
        if (length < 0 || 4 * length > Integer.MAX_VALUE - ALIGNMENT) {
            throw new IllegalArgumentException("a float block holds up to 512M floats, not " + length);
        }
        return (int) length;
    }

    ByteBuffer bytes()
    {
        return bytes;
    }

    /** The native address of float 0. */
    long address()
    {
        return address;
    }

    int length()
    {
        return length;
    }

    /** The array this block is a window onto, or null if it owns its memory. */
    INDArray owner()
    {
        return owner;
    }

    float get(int index)
    {
        return bytes.getFloat(4 * index);
    }

    void set(int index, float value)
    {
        bytes.putFloat(4 * index, value);
    }

    void fill(float value, int from, int count)
    {
        for (int i = from; i < from + count; i++) {
            bytes.putFloat(4 * i, value);
        }
    }

    void zero()
    {
        Kernels.zero(this, 0, length);
    }

    /** Copies {@code count} floats from {@code source} at {@code from} into this block at {@code to}. */
    void copyFrom(FloatBlock source, int from, int to, int count)
    {
        bytes.put(4 * to, source.bytes, 4 * from, 4 * count);
    }

    /** Copies floats from a Java array into this block. */
    void copyFrom(float[] source, int from, int to, int count)
    {
        floats.put(to, source, from, count);
    }

    /** Copies floats of this block into a Java array. */
    void copyTo(int from, float[] target, int to, int count)
    {
        floats.get(from, target, to, count);
    }
}
