package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * Discourse relation's examples for one document: one for every marked pair that {@link DiscoursePairs} finds (adjacent
 * sentences whose second opens with a discourse marker, clauses that a marker joins inside a sentence), unless its class
 * is thinned out. Holds no state between documents.
 */
final class DiscourseRelationGenerator
        implements LabelGenerator
{
    static final String TOO_FEW_SENTENCES = "document has fewer than two sentences";
    static final String NO_MARKER = "document has no sentence or clause pair with a discourse marker";
    static final String NOTHING_AFTER_MARKER = "sentence has no words after its discourse marker";
    static final String LONGER_THAN_INPUT = "sentence or clause longer than the whole input";

    private final DiscoursePairs pairs;
    private final ClassMix mix;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final int maxSegmentLength;
    private final TaskReporter reporter;
    private final String[] thinnedReasons;

    DiscourseRelationGenerator(DiscourseRelationSettings settings, ClassMix mix, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        this.pairs = settings.pairs();
        this.mix = requireNonNull(mix, "mix is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.maxSegmentLength = settings.maxSegmentLength();
        this.thinnedReasons = pairs.markers().classes().stream().map(DiscourseRelationGenerator::thinnedReason).toArray(String[]::new);
    }

    /** The skip reason of an example left out to keep its class within {@code max-class-share}. */
    static String thinnedReason(String relation)
    {
        return "relation " + relation + " thinned to max-class-share";
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        List<Sentence> sentences = DiscoursePairs.withTokens(document);
        if (sentences.size() < 2) {
            reporter.skipped(TOO_FEW_SENTENCES);
            return List.of();
        }
        List<DiscoursePair> pairs = this.pairs.pairs(sentences);
        if (pairs.isEmpty()) {
            reporter.skipped(NO_MARKER);
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        for (DiscoursePair pair : pairs) {
            Example example = example(pair, random);
            if (example != null) {
                examples.add(example);
            }
        }
        return examples;
    }

    private Example example(DiscoursePair pair, RandomGenerator random)
    {
        if (!pair.secondHasWords()) {
            reporter.skipped(NOTHING_AFTER_MARKER);
            return null;
        }
        int[] a = pair.firstPieces();
        int[] b = pair.secondPieces();
        // A side that would not fit the input even on its own is most likely a splitter's failure (a table, a list,
        // text without full stops), not a sentence a marker relates to its neighbour.
        if (a.length > maxSequenceLength - 2 || b.length > maxSequenceLength - 2) {
            reporter.skipped(LONGER_THAN_INPUT);
            return null;
        }
        int relation = pair.relation();
        double keep = mix.keep(relation);
        // Draw only for a thinned class, so that a run without thinning draws nothing from the random source.
        if (keep < 1 && random.nextDouble() >= keep) {
            reporter.skipped(thinnedReasons[relation]);
            return null;
        }
        // Where the two sides meet carries the relation: a long first side keeps its end, a long second its beginning.
        return PairInput.of(vocabulary, maxSequenceLength, Pieces.tail(a, maxSegmentLength), Pieces.head(b, maxSegmentLength), relation);
    }

    @Override
    public String toString()
    {
        return "discourse relation, " + pairs + ", " + mix + ", sentences of at most " + maxSegmentLength + " pieces";
    }
}
