package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.SplitDocuments;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * IR relevance's {@code document-titles} fallback, a weak stand-in for a search log built from the documents: a noun
 * phrase of a document as the query, with the document's own title (class 0) or, with probability
 * {@code randomTitleShare}, the title of another document on the same side of the held-out split (class 2). It knows
 * nothing of what a search engine showed, so it never makes class 1. Between documents it keeps only the other documents'
 * titles it has drawn ({@link OtherDocuments}), which change no pair. Kept for configurations that name it; the
 * {@code passages} fallback ({@link PassageGenerator}) is the one to use.
 */
final class DocumentTitleGenerator
        implements LabelGenerator
{
    static final String NO_TEXT = "document has no text for a title";
    static final String NO_QUERY = "document has no noun phrase outside its title";
    static final String NO_OTHER_TITLE = "no other document with a title";
    /** Titles are a few pieces: every document's can be remembered. */
    private static final int REMEMBERED_TITLES = 65_536;
    static final String SAME_TITLE = "other document has the same title";

    private final StandInPairs standIn;
    private final OtherDocuments<int[]> otherTitles;
    private final int pairsPerDocument;
    private final double randomTitleShare;
    private final int maxQueryLength;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;

    DocumentTitleGenerator(int pairsPerDocument, double randomTitleShare, int maxQueryLength, Vocabulary vocabulary, int maxSequenceLength,
            SplitDocuments documents, TaskReporter reporter)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.standIn = new StandInPairs(vocabulary);
        this.otherTitles = new OtherDocuments<>(documents, standIn::title, REMEMBERED_TITLES);
        this.pairsPerDocument = pairsPerDocument;
        this.randomTitleShare = randomTitleShare;
        this.maxQueryLength = maxQueryLength;
        this.maxSequenceLength = maxSequenceLength;
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        requireNonNull(document, "document is null");
        requireNonNull(random, "random is null");
        int[] title = standIn.title(document);
        if (title.length == 0) {
            reporter.skipped(NO_TEXT);
            return List.of();
        }
        StandInPairs.QueryDraws queries = standIn.queries(document);
        List<Example> examples = new ArrayList<>(pairsPerDocument);
        for (int draw = 0; draw < pairsPerDocument; draw++) {
            Optional<StandInPairs.Query> drawn = queries.draw(random);
            if (drawn.isEmpty()) {
                reporter.skipped(NO_QUERY);
                return List.of();
            }
            int[] query = drawn.get().pieces();
            if (random.nextDouble() < randomTitleShare) {
                int[] other = otherTitles.draw(document, random).filter(drawnTitle -> drawnTitle.length > 0).orElse(null);
                if (other == null) {
                    reporter.skipped(NO_OTHER_TITLE);
                }
                else if (Arrays.equals(other, title)) {
                    reporter.skipped(SAME_TITLE);
                }
                else {
                    examples.add(PairInput.ofQueryAndTitle(vocabulary, maxSequenceLength, maxQueryLength, query, other, RelevanceLabel.RANDOM));
                }
            }
            else {
                examples.add(PairInput.ofQueryAndTitle(vocabulary, maxSequenceLength, maxQueryLength, query, title, RelevanceLabel.CLICKED));
            }
        }
        return examples;
    }

    @Override
    public String toString()
    {
        return "IR relevance stand-in from document titles, " + pairsPerDocument + " per document, random titles " + randomTitleShare;
    }
}
