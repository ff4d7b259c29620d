package org.ernie4j.tasks.structure;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of sentence distance, read and validated once when the task joins a run. The keys, their defaults and their
 * meaning are documented on {@link SentenceDistanceTask}.
 */
final class SentenceDistanceSettings
{
    static final String ADJACENT_WEIGHT = "adjacent-weight";
    static final String SAME_DOCUMENT_WEIGHT = "same-document-weight";
    static final String OTHER_DOCUMENT_WEIGHT = "other-document-weight";
    static final String MAX_SEGMENT_LENGTH = "max-segment-length";
    static final String SENTENCES_PER_SEGMENT = "sentences-per-segment";

    static final double DEFAULT_WEIGHT = 1.0;
    static final int MOST_SENTENCES_PER_SEGMENT = 32;

    private final ClassBalance balance;
    private final int maxSegmentLength;
    private final int sentencesPerSegment;

    SentenceDistanceSettings(ClassBalance balance, int maxSegmentLength, int sentencesPerSegment)
    {
        this.balance = requireNonNull(balance, "balance is null");
        this.maxSegmentLength = maxSegmentLength;
        this.sentencesPerSegment = sentencesPerSegment;
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates it against the model's maximum input length.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static SentenceDistanceSettings read(TaskSettings settings, int maxSequenceLength)
    {
        requireNonNull(settings, "settings is null");
        double adjacent = weight(settings, ADJACENT_WEIGHT);
        double sameDocument = weight(settings, SAME_DOCUMENT_WEIGHT);
        double otherDocument = weight(settings, OTHER_DOCUMENT_WEIGHT);
        if (adjacent + sameDocument + otherDocument == 0) {
            throw settings.invalid(OTHER_DOCUMENT_WEIGHT, "together with " + ADJACENT_WEIGHT + " and " + SAME_DOCUMENT_WEIGHT
                    + " must be positive: all three are 0, so no class could be drawn");
        }
        int longest = longestSegment(maxSequenceLength);
        if (longest < 1) {
            throw settings.invalid(MAX_SEGMENT_LENGTH, "a sentence pair needs inputs of at least 5 pieces, but the model's maximum length is "
                    + maxSequenceLength);
        }
        int maxSegmentLength = settings.getInt(MAX_SEGMENT_LENGTH, longest);
        if (maxSegmentLength < 1 || maxSegmentLength > longest) {
            throw settings.invalid(MAX_SEGMENT_LENGTH, "must be between 1 and " + longest + " (half of the maximum length "
                    + maxSequenceLength + " less [CLS] and two [SEP]), not " + maxSegmentLength);
        }
        int sentencesPerSegment = settings.getInt(SENTENCES_PER_SEGMENT, 1);
        if (sentencesPerSegment < 1 || sentencesPerSegment > MOST_SENTENCES_PER_SEGMENT) {
            throw settings.invalid(SENTENCES_PER_SEGMENT, "must be between 1 and " + MOST_SENTENCES_PER_SEGMENT + ", not " + sentencesPerSegment);
        }
        return new SentenceDistanceSettings(new ClassBalance(new double[] {adjacent, sameDocument, otherDocument}), maxSegmentLength,
                sentencesPerSegment);
    }

    /** The most pieces of each sentence such that {@code [CLS] a [SEP] b [SEP]} always fits. */
    static int longestSegment(int maxSequenceLength)
    {
        return (maxSequenceLength - 3) / 2;
    }

    private static double weight(TaskSettings settings, String key)
    {
        double weight = settings.getDouble(key, DEFAULT_WEIGHT);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw settings.invalid(key, "must be a finite number of at least 0, not " + weight);
        }
        return weight;
    }

    ClassBalance balance()
    {
        return balance;
    }

    /** The most pieces kept of each sentence of a pair. */
    int maxSegmentLength()
    {
        return maxSegmentLength;
    }

    /** How many consecutive sentences each side of a pair holds at most (fewer where the document ends). */
    int sentencesPerSegment()
    {
        return sentencesPerSegment;
    }

    @Override
    public String toString()
    {
        return "class balance " + balance + ", " + MAX_SEGMENT_LENGTH + "=" + maxSegmentLength + ", " + SENTENCES_PER_SEGMENT + "="
                + sentencesPerSegment;
    }
}
