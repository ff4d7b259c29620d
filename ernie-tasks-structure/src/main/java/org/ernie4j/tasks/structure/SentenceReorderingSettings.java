package org.ernie4j.tasks.structure;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of sentence reordering, read and validated once when the task joins a run. The keys, their defaults and
 * their meaning are documented on {@link SentenceReorderingTask}.
 */
final class SentenceReorderingSettings
{
    static final String MAX_SEGMENTS = "max-segments";
    static final String MAX_PARAGRAPH_LENGTH = "max-paragraph-length";

    static final int DEFAULT_MAX_SEGMENTS = 3;
    // 5 segments already make 153 classes; 6 would make 873, most of them seen too rarely to learn.
    static final int LARGEST_MAX_SEGMENTS = 5;

    private final int maxSegments;
    private final int maxParagraphLength;

    SentenceReorderingSettings(int maxSegments, int maxParagraphLength)
    {
        this.maxSegments = maxSegments;
        this.maxParagraphLength = maxParagraphLength;
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates it against the model's maximum input length.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static SentenceReorderingSettings read(TaskSettings settings, int maxSequenceLength)
    {
        requireNonNull(settings, "settings is null");
        int maxSegments = settings.getInt(MAX_SEGMENTS, DEFAULT_MAX_SEGMENTS);
        if (maxSegments < 2 || maxSegments > LARGEST_MAX_SEGMENTS) {
            throw settings.invalid(MAX_SEGMENTS, "must be between 2 and " + LARGEST_MAX_SEGMENTS + ", not " + maxSegments);
        }
        int longest = longestParagraph(maxSegments, maxSequenceLength);
        if (longest < maxSegments) {
            throw settings.invalid(MAX_SEGMENTS, maxSegments + " segments need inputs of at least " + (2 * maxSegments + 1)
                    + " pieces, but the model's maximum length is " + maxSequenceLength);
        }
        int maxParagraphLength = settings.getInt(MAX_PARAGRAPH_LENGTH, longest);
        if (maxParagraphLength < maxSegments || maxParagraphLength > longest) {
            throw settings.invalid(MAX_PARAGRAPH_LENGTH, "must be between " + maxSegments + " (a piece for each of "
                    + MAX_SEGMENTS + ") and " + longest + " (the maximum length " + maxSequenceLength + " less [CLS] and "
                    + maxSegments + " [SEP]), not " + maxParagraphLength);
        }
        return new SentenceReorderingSettings(maxSegments, maxParagraphLength);
    }

    /** The most pieces of a paragraph whose input, with {@code [CLS]} and a {@code [SEP]} after every segment, fits. */
    static int longestParagraph(int maxSegments, int maxSequenceLength)
    {
        return maxSequenceLength - 1 - maxSegments;
    }

    /** m: the most segments a paragraph is cut into. */
    int maxSegments()
    {
        return maxSegments;
    }

    /** The most pieces of a paragraph, without {@code [CLS]} and {@code [SEP]}. */
    int maxParagraphLength()
    {
        return maxParagraphLength;
    }

    /** k = 1! + 2! + ... + m!. */
    int classCount()
    {
        return ReorderingClasses.classCount(maxSegments);
    }

    @Override
    public String toString()
    {
        return MAX_SEGMENTS + "=" + maxSegments + ", " + MAX_PARAGRAPH_LENGTH + "=" + maxParagraphLength;
    }
}
