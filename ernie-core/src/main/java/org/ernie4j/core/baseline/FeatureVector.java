package org.ernie4j.core.baseline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sparse feature vector: the hashed indices of the features an item has and their values (each index once).
 */
record FeatureVector(int[] indices, float[] values)
{
    FeatureVector
    {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
        }
        indices = indices.clone();
        values = values.clone();
    }

    /** A dense vector: every position its own feature. */
    static FeatureVector dense(float[] values)
    {
        int[] indices = new int[values.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return new FeatureVector(indices, values);
    }

    int size()
    {
        return indices.length;
    }

    int index(int position)
    {
        return indices[position];
    }

    float value(int position)
    {
        return values[position];
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof FeatureVector vector && Arrays.equals(indices, vector.indices) && Arrays.equals(values, vector.values);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    /**
     * Collects named features into a vector; features whose names hash to one index add up (the price of a fixed-size
     * space, which needs no vocabulary of features and treats words unseen in training like any other).
     */
    static final class Builder
    {
        private final int mask;
        private final Map<Integer, Float> values = new LinkedHashMap<>();

        Builder(int bits)
        {
            this.mask = (1 << bits) - 1;
        }

        Builder add(String feature, double value)
        {
            values.merge(hash(feature) & mask, (float) value, Float::sum);
            return this;
        }

        FeatureVector build()
        {
            int[] indices = new int[values.size()];
            float[] weights = new float[values.size()];
            int position = 0;
            for (Map.Entry<Integer, Float> entry : values.entrySet()) {
                indices[position] = entry.getKey();
                weights[position] = entry.getValue();
                position++;
            }
            return new FeatureVector(indices, weights);
        }

        /** String.hashCode spread over every bit, so that the low bits the mask keeps are not only the last characters'. */
        private static int hash(String feature)
        {
            long z = feature.hashCode() * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 32)) * 0xBF58476D1CE4E5B9L;
            return (int) (z ^ (z >>> 29));
        }
    }
}
