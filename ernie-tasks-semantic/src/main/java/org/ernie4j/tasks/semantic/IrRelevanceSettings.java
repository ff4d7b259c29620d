package org.ernie4j.tasks.semantic;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of IR relevance, read and validated when the task joins a run. The keys, their defaults and their meaning
 * are documented on {@link IrRelevanceTask}.
 */
final class IrRelevanceSettings
{
    static final String LOG = "log";
    static final String FALLBACK = "fallback";
    static final String PAIRS_PER_DOCUMENT = "pairs-per-document";
    static final String RANDOM_TITLE_SHARE = "random-title-share";
    static final String MAX_QUERY_LENGTH = "max-query-length";
    static final String HELD_OUT_QUERIES = "held-out-queries";
    static final String WEAK_SHARE = "weak-share";

    static final double DEFAULT_RANDOM_TITLE_SHARE = 1.0 / 3;
    static final double DEFAULT_HELD_OUT_QUERIES = 0.1;
    static final double DEFAULT_WEAK_SHARE = 1.0 / 3;
    /** The most pairs per document the default gives; a log much larger than the corpus then takes several passes. */
    static final int AUTOMATIC_PAIRS_LIMIT = 256;
    static final int MAX_PAIRS_PER_DOCUMENT = 4096;
    /** Pairs per document in the document-titles fallback, where each document gives its own pair. */
    static final int FALLBACK_PAIRS_PER_DOCUMENT = 1;

    /** Where the pairs come from when no search log is given. */
    enum Fallback
    {
        NONE("none"),
        PASSAGES("passages"),
        DOCUMENT_TITLES("document-titles");

        private final String settingValue;

        Fallback(String settingValue)
        {
            this.settingValue = settingValue;
        }

        String settingValue()
        {
            return settingValue;
        }
    }

    private final Path log;
    private final Fallback fallback;
    private final int pairsPerDocument;
    private final double randomTitleShare;
    private final int maxQueryLength;
    private final double heldOutQueries;
    private final double weakShare;

    /**
     * @param log the search log, or null for the fallback
     * @param pairsPerDocument 0 for the default, which depends on the fallback, or the sizes of the log and the corpus
     */
    IrRelevanceSettings(Path log, Fallback fallback, int pairsPerDocument, double randomTitleShare, int maxQueryLength, double heldOutQueries,
            double weakShare)
    {
        this.heldOutQueries = heldOutQueries;
        this.weakShare = weakShare;
        this.log = log;
        this.fallback = requireNonNull(fallback, "fallback is null");
        this.pairsPerDocument = pairsPerDocument;
        this.randomTitleShare = randomTitleShare;
        this.maxQueryLength = maxQueryLength;
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates it.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key, or {@code log} when neither a log
     * nor the fallback is given
     */
    static IrRelevanceSettings read(TaskSettings settings, int maxSequenceLength)
    {
        requireNonNull(settings, "settings is null");
        String logName = settings.getString(LOG, null);
        String fallbackName = settings.getString(FALLBACK, Fallback.NONE.settingValue());
        int pairsPerDocument = settings.getInt(PAIRS_PER_DOCUMENT, 0);
        double randomTitleShare = settings.getDouble(RANDOM_TITLE_SHARE, DEFAULT_RANDOM_TITLE_SHARE);
        int longestQuery = maxSequenceLength - 4;
        if (longestQuery < 1) {
            throw settings.invalid(MAX_QUERY_LENGTH, "a query/title pair needs inputs of at least 5 pieces, but the model's maximum length is "
                    + maxSequenceLength);
        }
        int maxQueryLength = settings.getInt(MAX_QUERY_LENGTH, Math.max(1, (maxSequenceLength - 3) / 2));
        double heldOutQueries = settings.getDouble(HELD_OUT_QUERIES, DEFAULT_HELD_OUT_QUERIES);
        double weakShare = settings.getDouble(WEAK_SHARE, DEFAULT_WEAK_SHARE);

        Fallback fallback = switch (fallbackName) {
            case "none" -> Fallback.NONE;
            case "passages" -> Fallback.PASSAGES;
            case "document-titles" -> Fallback.DOCUMENT_TITLES;
            default -> throw settings.invalid(FALLBACK, "must be 'none', 'passages' or 'document-titles', not '" + fallbackName + "'");
        };
        if (settings.keys().contains(PAIRS_PER_DOCUMENT) && (pairsPerDocument < 1 || pairsPerDocument > MAX_PAIRS_PER_DOCUMENT)) {
            throw settings.invalid(PAIRS_PER_DOCUMENT, "must be between 1 and " + MAX_PAIRS_PER_DOCUMENT + ", not " + pairsPerDocument);
        }
        if (!(randomTitleShare >= 0 && randomTitleShare <= 1)) {
            throw settings.invalid(RANDOM_TITLE_SHARE, "must be between 0 and 1, not " + randomTitleShare);
        }
        if (maxQueryLength < 1 || maxQueryLength > longestQuery) {
            throw settings.invalid(MAX_QUERY_LENGTH, "must be between 1 and " + longestQuery + " (the maximum length " + maxSequenceLength
                    + " less [CLS], two [SEP] and one title piece), not " + maxQueryLength);
        }
        if (!(heldOutQueries >= 0 && heldOutQueries < 1)) {
            throw settings.invalid(HELD_OUT_QUERIES, "must be at least 0 and below 1, not " + heldOutQueries);
        }
        if (!(weakShare >= 0 && weakShare <= 1)) {
            throw settings.invalid(WEAK_SHARE, "must be between 0 and 1, not " + weakShare);
        }
        if (settings.keys().contains(WEAK_SHARE) && fallback != Fallback.PASSAGES) {
            throw settings.invalid(WEAK_SHARE, "applies only to " + FALLBACK + ": " + Fallback.PASSAGES.settingValue()
                    + " (a search log says itself which titles were shown and not clicked, and document-titles makes none)");
        }
        if (fallback == Fallback.PASSAGES && weakShare + randomTitleShare > 1) {
            throw settings.invalid(WEAK_SHARE, "and " + RANDOM_TITLE_SHARE + " are the shares of classes 1 and 2 and must add up to at most 1, not "
                    + weakShare + " + " + randomTitleShare);
        }
        Path log = logName == null ? null : logFile(settings, logName);
        if (log == null && fallback == Fallback.NONE) {
            throw settings.invalid(LOG, "no search log given. Set " + LOG + " to a TSV file of query<TAB>title<TAB>clicked|shown lines"
                    + " (see the task's documentation), or set " + FALLBACK + ": " + Fallback.PASSAGES.settingValue()
                    + " to train on a stand-in built from the corpus's passages, which is not search-log data");
        }
        if (log != null && fallback != Fallback.NONE) {
            throw settings.invalid(FALLBACK, "cannot be used together with " + LOG + ": the fallback stands in for a missing search log");
        }
        return new IrRelevanceSettings(log, fallback, pairsPerDocument, randomTitleShare, maxQueryLength, heldOutQueries, weakShare);
    }

    private static Path logFile(TaskSettings settings, String name)
    {
        Path path;
        try {
            path = Path.of(name);
        }
        catch (InvalidPathException e) {
            throw settings.invalid(LOG, "'" + name + "' is not a file name: " + e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            throw settings.invalid(LOG, "no such file: " + path.toAbsolutePath());
        }
        return path;
    }

    /** The search log, or empty for the fallback. */
    Optional<Path> log()
    {
        return Optional.ofNullable(log);
    }

    Fallback fallback()
    {
        return fallback;
    }

    /**
     * The pairs each document brings: the setting, or by default, for a search log, as many as make a pass over the
     * corpus draw each log pair once in expectation ({@code ceil(pairs / ((1 - random-title-share) * documents))}, or
     * {@code ceil(pairs / documents)} when every example is a random title), between 1 and
     * {@value #AUTOMATIC_PAIRS_LIMIT}; for the passages fallback, {@value PassageGenerator#DEFAULT_PAIRS_PER_DOCUMENT}; for
     * the document-titles fallback, {@value #FALLBACK_PAIRS_PER_DOCUMENT}.
     */
    int pairsPerDocument(int logPairs, int documents)
    {
        if (pairsPerDocument > 0) {
            return pairsPerDocument;
        }
        if (fallback == Fallback.PASSAGES) {
            return PassageGenerator.DEFAULT_PAIRS_PER_DOCUMENT;
        }
        if (log == null) {
            return FALLBACK_PAIRS_PER_DOCUMENT;
        }
        double fromLog = randomTitleShare < 1 ? 1 - randomTitleShare : 1;
        double perDocument = Math.ceil(logPairs / (fromLog * Math.max(1, documents)));
        return (int) Math.max(1, Math.min(AUTOMATIC_PAIRS_LIMIT, perDocument));
    }

    /** The share of the log's distinct queries kept for held-out documents. */
    double heldOutQueries()
    {
        return heldOutQueries;
    }

    double randomTitleShare()
    {
        return randomTitleShare;
    }

    /** The share of weak lines (class 1) of the passages fallback. */
    double weakShare()
    {
        return weakShare;
    }

    int maxQueryLength()
    {
        return maxQueryLength;
    }

    @Override
    public String toString()
    {
        return (log == null ? FALLBACK + "=" + fallback.settingValue() : LOG + "=" + log) + ", " + PAIRS_PER_DOCUMENT + "="
                + (pairsPerDocument == 0 ? "default" : pairsPerDocument) + ", " + RANDOM_TITLE_SHARE + "=" + randomTitleShare + ", "
                + MAX_QUERY_LENGTH + "=" + maxQueryLength + ", " + HELD_OUT_QUERIES + "=" + heldOutQueries
                + (fallback == Fallback.PASSAGES ? ", " + WEAK_SHARE + "=" + weakShare : "");
    }
}
