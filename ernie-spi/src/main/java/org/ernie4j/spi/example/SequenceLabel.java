package org.ernie4j.spi.example;

/**
 * One class for the whole input (predicted from the first token, {@code [CLS]}).
 *
 * @param label the class index, from 0 to the head's number of classes minus one
 */
public record SequenceLabel(int label)
        implements Target
{
    public SequenceLabel
    {
        if (label < 0) {
            throw new IllegalArgumentException("label is negative: " + label);
        }
    }
}
