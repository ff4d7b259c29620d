package org.ernie4j.spi.head;

/**
 * Checks shared by the classification heads.
 */
final class ClassCount
{
    private ClassCount()
    {
    }

    static int check(int numClasses)
    {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classification head needs at least 2 classes, not " + numClasses);
        }
        return numClasses;
    }

    static float[] checkWeights(int numClasses, float[] weights)
    {
        if (weights == null) {
            return null;
        }
        if (weights.length != numClasses) {
            throw new IllegalArgumentException(weights.length + " class weights for " + numClasses + " classes");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Float.isInfinite(weights[i])) {
                throw new IllegalArgumentException("class weight " + i + " is " + weights[i] + "; weights must be finite and >= 0");
            }
        }
        return weights.clone();
    }
}
