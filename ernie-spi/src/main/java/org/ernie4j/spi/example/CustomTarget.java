package org.ernie4j.spi.example;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Targets for a custom head: a fixed-width row of numbers per example, fed to the head's target placeholder.
 */
public final class CustomTarget
        implements Target
{
    private final float[] values;

    public CustomTarget(float[] values)
    {
        this.values = requireNonNull(values, "values is null").clone();
    }

    public float[] values()
    {
        return values.clone();
    }

    public int width()
    {
        return values.length;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof CustomTarget other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString()
    {
        return "CustomTarget" + Arrays.toString(values);
    }
}
