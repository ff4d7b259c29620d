package org.ernie4j.core.model;

import java.util.Arrays;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * One named parameter tensor: its shape, how it starts, and whether weight decay applies to it.
 *
 * @param name a dotted path such as {@code layer.0.attention.query.weight}
 * @param shape the tensor's shape
 * @param initialization how the tensor is filled before training
 * @param decayed whether weight decay applies (weights yes; biases and layer-norm parameters no, as in BERT)
 */
@PublicApi
public record ParameterSpec(String name, long[] shape, Initialization initialization, boolean decayed)
{
    public ParameterSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(initialization, "initialization is null");
        shape = shape.clone();
        for (long dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("parameter " + name + " has an empty dimension: " + Arrays.toString(shape));
            }
        }
    }

    static ParameterSpec weight(String name, long... shape)
    {
        return new ParameterSpec(name, shape, Initialization.NORMAL, true);
    }

    static ParameterSpec bias(String name, long size)
    {
        return new ParameterSpec(name, new long[] {size}, Initialization.ZEROS, false);
    }

    static ParameterSpec gain(String name, long size)
    {
        return new ParameterSpec(name, new long[] {size}, Initialization.ONES, false);
    }

    @Override
    public long[] shape()
    {
        return shape.clone();
    }

    public long length()
    {
        long length = 1;
        for (long dimension : shape) {
            length *= dimension;
        }
        return length;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof ParameterSpec other
                && name.equals(other.name)
                && Arrays.equals(shape, other.shape)
                && initialization == other.initialization
                && decayed == other.decayed;
    }

    @Override
    public int hashCode()
    {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString()
    {
        return name + Arrays.toString(shape);
    }
}
