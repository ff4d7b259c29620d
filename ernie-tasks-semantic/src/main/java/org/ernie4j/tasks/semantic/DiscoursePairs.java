package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;

import static java.util.Objects.requireNonNull;

/**
 * Mines the marked pairs of a document: each sentence that opens with a marker, paired with the sentence before, and,
 * unless switched off, the clauses that a marker joins inside a sentence. The one place that decides what a pair is, so
 * that the examples of the task and the class counts of {@link #counts} are the same pairs. Immutable.
 */
final class DiscoursePairs
{
    private final DiscourseMarkers markers;
    private final Optional<ClauseSplits> clauses;

    /**
     * @param clauses the rules for markers inside a sentence; empty to find only markers that open a sentence
     */
    DiscoursePairs(DiscourseMarkers markers, Optional<ClauseSplits> clauses)
    {
        this.markers = requireNonNull(markers, "markers is null");
        this.clauses = requireNonNull(clauses, "clauses is null");
    }

    DiscourseMarkers markers()
    {
        return markers;
    }

    /**
     * The sentences of a document that have tokens: a sentence without tokens is a splitter's leftover, so the sentences
     * around it are neighbours.
     */
    static List<Sentence> withTokens(Document document)
    {
        List<Sentence> sentences = new ArrayList<>(document.sentences().size());
        for (Sentence sentence : document.sentences()) {
            if (!sentence.tokens().isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * The marked pairs of these sentences in text order: for each sentence, the pair it opens with the sentence before,
     * then the pairs inside it. A pair that opens a sentence may have no word left after its marker
     * ({@link DiscoursePair#secondHasWords()}); pairs inside a sentence always have words on both sides.
     */
    List<DiscoursePair> pairs(List<Sentence> sentences)
    {
        List<DiscoursePair> pairs = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            if (i > 0) {
                Optional<MarkerMatch> match = markers.match(sentence);
                if (match.isPresent()) {
                    Sentence before = sentences.get(i - 1);
                    pairs.add(new DiscoursePair(before, 0, before.tokens().size(), sentence, match.get().end(), sentence.tokens().size(),
                            match.get().relation(), false));
                }
            }
            clauses.ifPresent(rules -> pairs.addAll(rules.pairs(sentence)));
        }
        return pairs;
    }

    /**
     * How many pairs of each class the documents hold, with words on both sides: the examples discourse relation can make
     * from these documents before any class is thinned out and before sides are cut to the input.
     */
    RelationCounts counts(Iterable<Document> documents)
    {
        requireNonNull(documents, "documents is null");
        int classes = markers.classes().size();
        long[] opening = new long[classes];
        long[] inside = new long[classes];
        long sentencePairs = 0;
        for (Document document : documents) {
            List<Sentence> sentences = withTokens(document);
            sentencePairs += Math.max(0, sentences.size() - 1);
            for (DiscoursePair pair : pairs(sentences)) {
                if (pair.inside()) {
                    inside[pair.relation()]++;
                }
                else if (pair.secondHasWords()) {
                    opening[pair.relation()]++;
                }
            }
        }
        return new RelationCounts(markers.classes(), opening, inside, sentencePairs);
    }

    @Override
    public String toString()
    {
        return markers.size() + " markers in " + markers.classes().size() + " classes, "
                + clauses.map(rules -> "in-sentence=true, comma-markers=" + rules.afterComma()).orElse("in-sentence=false");
    }
}
