package org.ernie4j.spi.head;

import java.util.Arrays;
import java.util.Optional;

/**
 * Classifies every labelled input position into one of {@code numClasses} classes, with softmax cross-entropy averaged
 * over the positions that have a label. Examples carry {@link org.ernie4j.spi.example.TokenLabels}.
 */
public final class TokenClassificationHead
        implements HeadSpec
{
    private final int numClasses;
    private final float[] classWeights;

    private TokenClassificationHead(int numClasses, float[] classWeights)
    {
        this.numClasses = ClassCount.check(numClasses);
        this.classWeights = ClassCount.checkWeights(numClasses, classWeights);
    }

    public static TokenClassificationHead of(int numClasses)
    {
        return new TokenClassificationHead(numClasses, null);
    }

    public static TokenClassificationHead weighted(float[] classWeights)
    {
        return new TokenClassificationHead(classWeights.length, classWeights);
    }

    public int numClasses()
    {
        return numClasses;
    }

    public Optional<float[]> classWeights()
    {
        return Optional.ofNullable(classWeights).map(float[]::clone);
    }

    @Override
    public String toString()
    {
        return "token classification, " + numClasses + " classes"
                + (classWeights == null ? "" : ", weights " + Arrays.toString(classWeights));
    }
}
