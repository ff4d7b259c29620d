package org.ernie4j.core.baseline;

/**
 * The features of a pair of text vectors that do not depend on their order: the element-wise distance and product, and
 * the cosine (the usual way of comparing two sentence embeddings with a classifier on top).
 */
final class PairVector
{
    private PairVector()
    {
    }

    static float[] of(float[] first, float[] second)
    {
        if (first.length != second.length) {
            throw new IllegalArgumentException("vectors of " + first.length + " and " + second.length + " values");
        }
        int n = first.length;
        float[] pair = new float[2 * n + 1];
        double dot = 0;
        double firstSquares = 0;
        double secondSquares = 0;
        for (int i = 0; i < n; i++) {
            pair[i] = Math.abs(first[i] - second[i]);
            pair[n + i] = first[i] * second[i];
            dot += (double) first[i] * second[i];
            firstSquares += (double) first[i] * first[i];
            secondSquares += (double) second[i] * second[i];
        }
        double lengths = Math.sqrt(firstSquares * secondSquares);
        pair[2 * n] = lengths == 0 ? 0 : (float) (dot / lengths);
        return pair;
    }
}
