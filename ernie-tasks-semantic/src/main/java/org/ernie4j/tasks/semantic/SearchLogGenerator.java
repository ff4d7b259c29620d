package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;

import static java.util.Objects.requireNonNull;

/**
 * IR relevance's examples from a search log. Log rows belong to no document, so a document only paces the log: each call
 * draws {@code pairsPerDocument} examples with the random source it is given, whatever the document holds. Each is, with
 * probability {@code randomTitleShare}, a query of the log with a random title of the log never shown for it (class 2),
 * and otherwise a pair of the log drawn uniformly, labelled clicked (0) or shown (1). Documents of the training corpus
 * draw from the pairs of the training queries, any other document (a held-out one) from the pairs of the held-out
 * queries ({@link HeldOutQueries}), so that held-out figures never score a pair the model trained on. Holds no state
 * between calls.
 */
final class SearchLogGenerator
        implements LabelGenerator
{
    static final String EMPTY_LOG = "search log has no query/title pair";
    static final String NO_RANDOM_TITLE = "no title of the log that was not shown for the query";
    static final String NO_HELD_OUT_PAIR = "a held-out document, but the log has no held-out query (held-out-queries)";
    static final String NO_TRAINING_PAIR = "a training document, but every query of the log is held out";
    // Enough for any query that was shown less than about three quarters of the log's titles to find one with near
    // certainty; a query shown nearly every title is skipped rather than searched for.
    private static final int TITLE_ATTEMPTS = 16;

    private final SearchLog log;
    private final HeldOutQueries split;
    private final Set<String> trainingDocuments;
    private final int pairsPerDocument;
    private final double randomTitleShare;
    private final int maxQueryLength;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;

    /**
     * @param trainingDocuments the ids of the documents the run trains on; every other document is held out
     */
    SearchLogGenerator(SearchLog log, HeldOutQueries split, Set<String> trainingDocuments, int pairsPerDocument, double randomTitleShare,
            int maxQueryLength, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        this.log = requireNonNull(log, "log is null");
        this.split = requireNonNull(split, "split is null");
        this.trainingDocuments = Set.copyOf(trainingDocuments);
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
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
        if (log.pairCount() == 0) {
            reporter.skipped(EMPTY_LOG);
            return List.of();
        }
        boolean heldOut = !trainingDocuments.contains(document.id());
        int[] pairs = heldOut ? split.heldOutPairs() : split.trainingPairs();
        if (pairs.length == 0) {
            reporter.skipped(heldOut ? NO_HELD_OUT_PAIR : NO_TRAINING_PAIR);
            return List.of();
        }
        List<Example> examples = new ArrayList<>(pairsPerDocument);
        for (int draw = 0; draw < pairsPerDocument; draw++) {
            int pair = pairs[random.nextInt(pairs.length)];
            int query = log.query(pair);
            if (random.nextDouble() < randomTitleShare) {
                int title = unshownTitle(query, random);
                if (title < 0) {
                    reporter.skipped(NO_RANDOM_TITLE);
                    continue;
                }
                examples.add(example(query, title, RelevanceLabel.RANDOM));
            }
            else {
                examples.add(example(query, log.title(pair), log.label(pair)));
            }
        }
        return examples;
    }

    /** A title drawn uniformly from the log's titles that was never shown for the query, or -1 if none was found. */
    private int unshownTitle(int query, RandomGenerator random)
    {
        for (int attempt = 0; attempt < TITLE_ATTEMPTS; attempt++) {
            int title = random.nextInt(log.titleCount());
            if (!log.wasShown(query, title)) {
                return title;
            }
        }
        return -1;
    }

    private Example example(int query, int title, RelevanceLabel label)
    {
        return PairInput.ofQueryAndTitle(vocabulary, maxSequenceLength, maxQueryLength, log.queryPieces(query), log.titlePieces(title), label);
    }

    @Override
    public String toString()
    {
        return "IR relevance from " + log + ", " + pairsPerDocument + " per document, random titles " + randomTitleShare;
    }
}
