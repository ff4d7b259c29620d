package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * Discourse relation's examples for one document: one for every pair of adjacent sentences whose second sentence begins
 * with a discourse marker, unless its class is thinned out. Holds no state between documents.
 */
final class DiscourseRelationGenerator
        implements LabelGenerator
{
    static final String TOO_FEW_SENTENCES = "document has fewer than two sentences";
    static final String NO_MARKER = "document has no sentence pair with a discourse marker";
    static final String NOTHING_AFTER_MARKER = "sentence has no words after its discourse marker";
    static final String LONGER_THAN_INPUT = "sentence longer than the whole input";

    private final DiscourseMarkers markers;
    private final ClassMix mix;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final int maxSegmentLength;
    private final TaskReporter reporter;
    private final String[] thinnedReasons;

    DiscourseRelationGenerator(DiscourseRelationSettings settings, ClassMix mix, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        requireNonNull(settings, "settings is null");
        this.markers = settings.markers();
        this.mix = requireNonNull(mix, "mix is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.maxSequenceLength = maxSequenceLength;
        this.maxSegmentLength = settings.maxSegmentLength();
        this.thinnedReasons = markers.classes().stream().map(DiscourseRelationGenerator::thinnedReason).toArray(String[]::new);
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
        List<Sentence> sentences = new ArrayList<>(document.sentences().size());
        for (Sentence sentence : document.sentences()) {
            // A sentence without tokens is a splitter's leftover: the sentences around it are neighbours.
            if (!sentence.tokens().isEmpty()) {
                sentences.add(sentence);
            }
        }
        if (sentences.size() < 2) {
            reporter.skipped(TOO_FEW_SENTENCES);
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        boolean anyMarker = false;
        for (int i = 1; i < sentences.size(); i++) {
            Optional<MarkerMatch> match = markers.match(sentences.get(i));
            if (match.isEmpty()) {
                continue;
            }
            anyMarker = true;
            Example example = example(sentences.get(i - 1), sentences.get(i), match.get(), random);
            if (example != null) {
                examples.add(example);
            }
        }
        if (!anyMarker) {
            reporter.skipped(NO_MARKER);
        }
        return examples;
    }

    private Example example(Sentence first, Sentence second, MarkerMatch match, RandomGenerator random)
    {
        if (!match.leavesText(second)) {
            reporter.skipped(NOTHING_AFTER_MARKER);
            return null;
        }
        int[] a = Pieces.of(first, 0);
        int[] b = Pieces.of(second, match.removedTokens());
        // A sentence that would not fit the input even on its own is most likely a splitter's failure (a table, a list,
        // text without full stops), not a sentence a marker relates to its neighbour.
        if (a.length > maxSequenceLength - 2 || b.length > maxSequenceLength - 2) {
            reporter.skipped(LONGER_THAN_INPUT);
            return null;
        }
        int relation = match.relation();
        double keep = mix.keep(relation);
        // Draw only for a thinned class, so that a run without thinning draws nothing from the random source.
        if (keep < 1 && random.nextDouble() >= keep) {
            reporter.skipped(thinnedReasons[relation]);
            return null;
        }
        // Where the two sentences meet carries the relation: a long first sentence keeps its end, a long second its beginning.
        return PairInput.of(vocabulary, maxSequenceLength, Pieces.tail(a, maxSegmentLength), Pieces.head(b, maxSegmentLength), relation);
    }

    @Override
    public String toString()
    {
        return "discourse relation, " + markers + ", " + mix + ", sentences of at most " + maxSegmentLength + " pieces";
    }
}
