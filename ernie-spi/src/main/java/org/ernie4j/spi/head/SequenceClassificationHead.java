package org.ernie4j.spi.head;

import java.util.Arrays;
import java.util.Optional;

/**
 * Classifies the whole input into one of {@code numClasses} classes from the pooled first token ({@code [CLS]}),
 * with softmax cross-entropy. Examples carry a {@link org.ernie4j.spi.example.SequenceLabel}.
 */
public final class SequenceClassificationHead
        implements HeadSpec
{
    private final int numClasses;
    private final float[] classWeights;

    private SequenceClassificationHead(int numClasses, float[] classWeights)
    {
        this.numClasses = ClassCount.check(numClasses);
        this.classWeights = ClassCount.checkWeights(numClasses, classWeights);
    }

    /** A head with equal class weights. */
    public static SequenceClassificationHead of(int numClasses)
    {
        return new SequenceClassificationHead(numClasses, null);
    }

    /** A head whose loss weights each example by the weight of its class (to counter an unbalanced label mix). */
    public static SequenceClassificationHead weighted(float[] classWeights)
    {
        return new SequenceClassificationHead(classWeights.length, classWeights);
    }

    public int numClasses()
    {
        return numClasses;
    }

    /** The per-class loss weights, if any. */
    public Optional<float[]> classWeights()
    {
        return Optional.ofNullable(classWeights).map(float[]::clone);
    }

    @Override
    public String toString()
    {
        return "sequence classification, " + numClasses + " classes"
                + (classWeights == null ? "" : ", weights " + Arrays.toString(classWeights));
    }
}
