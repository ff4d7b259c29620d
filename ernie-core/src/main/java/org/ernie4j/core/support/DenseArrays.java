package org.ernie4j.core.support;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whether an ND4J array's buffer holds exactly its values in row-major order, so that the buffer can be read or handed
 * to native code as it is, and a copy that does where it does not.
 */
public final class DenseArrays
{
    private DenseArrays()
    {
    }

    /** Not a view, C-ordered, and its buffer no longer than its values. */
    public static boolean isDense(INDArray array)
    {
        return !array.isView() && array.ordering() == 'c' && array.data().length() == array.length();
    }

    /** The array itself where it is dense, else a dense copy. */
    public static INDArray dense(INDArray array)
    {
        return isDense(array) ? array : array.dup('c');
    }
}
