package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;

import static java.util.Objects.requireNonNull;

/**
 * Sentence reordering's examples for one document: one per paragraph of at least {@code m} sentences, cut into segments
 * and shown in the order of a class drawn uniformly. Holds no state between documents, so it is deterministic for a given
 * random source.
 */
final class SentenceReorderingGenerator
        implements LabelGenerator
{
    static final String NO_PIECES = "document has no word pieces";
    static final String TOO_FEW_SENTENCES = "paragraph has fewer sentences than max-segments";

    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final int maxSegments;
    private final int classCount;
    private final TaskReporter reporter;
    private final ParagraphCutter cutter;

    SentenceReorderingGenerator(SentenceReorderingSettings settings, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.maxSegments = settings.maxSegments();
        this.classCount = settings.classCount();
        this.cutter = new ParagraphCutter(settings.maxParagraphLength(), reporter);
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        if (document.pieceCount() == 0) {
            reporter.skipped(NO_PIECES);
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        for (Paragraph paragraph : cutter.cut(document)) {
            // Any paragraph must be able to take every class; one that could only take the classes of fewer segments
            // would tilt the label distribution towards them.
            if (paragraph.sentenceCount() < maxSegments) {
                reporter.skipped(TOO_FEW_SENTENCES);
                continue;
            }
            examples.add(example(paragraph, random));
        }
        return examples;
    }

    private Example example(Paragraph paragraph, RandomGenerator random)
    {
        // Drawing the class uniformly makes each segment count n as likely as its n! orders together: P(n) = n!/k.
        int label = random.nextInt(classCount);
        int[] order = ReorderingClasses.orderOf(label);
        int[] bounds = SegmentCuts.choose(paragraph.sentenceCount(), order.length, random);
        InputBuilder input = InputBuilder.start(vocabulary, maxSequenceLength);
        for (int position = 0; position < order.length; position++) {
            int segment = order[position];
            input.addAll(paragraph.pieces(bounds[segment], bounds[segment + 1])).separator();
            if (position == 0) {
                // Segment ids 0 and 1 only, never decreasing (the SPI's contract): the first segment shown and [CLS] are
                // 0, all later ones 1. The [SEP] after each segment marks where it ends.
                input.nextSegment();
            }
        }
        return input.build(new SequenceLabel(label));
    }

    @Override
    public String toString()
    {
        return "sentence reordering, up to " + maxSegments + " segments, inputs of at most " + maxSequenceLength + " pieces";
    }
}
