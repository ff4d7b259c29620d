package org.ernie4j.tasks.semantic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * IR relevance, a semantic-aware task of ERNIE 2.0: given a search query and a document title, tell whether the title was
 * clicked after the query (class 0), shown for it but not clicked (class 1), or drawn at random (class 2)
 * ({@link RelevanceLabel}). The input is {@code [CLS] query [SEP] title [SEP]}, segment id 0 up to the first
 * {@code [SEP]} and 1 after, and the target is the class for a {@link SequenceClassificationHead} of 3 classes. A query
 * longer than {@code max-query-length} pieces keeps its beginning, and the title keeps the beginning that fits the rest.
 *
 * <h2>The search log</h2>
 * The labels come from a search log, a UTF-8 text file given by {@code log}, one shown title per line:
 * <pre>
 * query&lt;TAB&gt;title&lt;TAB&gt;clicked
 * </pre>
 * where the third column is {@code clicked} (or {@code 1}) when the title was clicked after the query and {@code shown}
 * (or {@code 0}) when it was shown but not clicked. Blank lines and lines starting with {@code #} are ignored, and so is a
 * first line {@code query<TAB>title<TAB>clicked} (a header). Queries and titles are free text, encoded with the run's
 * vocabulary ({@link org.ernie4j.spi.document.Vocabulary#encode}); runs of white space count as one space and case does
 * not matter, so that {@code Tax  Cuts} and {@code tax cuts} are one query. Each distinct query/title pair is one pair of
 * the log, clicked if any of its lines says clicked: how often a pair was shown is not kept. A line that does not fit
 * (not three columns, an empty query or title, another third column, a text without word pieces) is skipped, counted as
 * {@code malformed search-log line}, and named with the file and line number in a warning (the first 20 such lines one by
 * one, the rest in one count).
 *
 * <p>The log is read once, when the task joins the run. Its rows belong to no document of the corpus, so a document only
 * paces the log: each call to {@link LabelGenerator#generate} makes {@code pairs-per-document} examples drawn with the
 * random source it is given, whatever the document holds. Each is, with probability {@code random-title-share}, a random
 * pair's query with a title drawn uniformly from the log's distinct titles that was never shown for that query, clicked
 * or not (class 2; a query shown nearly every title is skipped after 16 draws); otherwise a pair drawn uniformly, with its
 * label 0 or 1. By default {@code pairs-per-document} makes one pass over the corpus draw each pair of the log once in
 * expectation, so the whole log is seen over a run's passes.
 *
 * <p>Held-out documents do not hold any of the log out by themselves, so the task holds out {@code held-out-queries} of
 * the log's distinct queries (chosen by their pieces, the same in every run over the same log): documents of the training
 * corpus draw only pairs of the other queries, every other document (a held-out one) only pairs of the held-out queries.
 * A held-out figure therefore never scores a pair the model trained on, and those pairs are never trained on.
 *
 * <h2>Without a search log</h2>
 * A configuration that names neither {@code log} nor a fallback fails when the task joins the run, with an error on
 * {@code tasks.ir-relevance.log} that says how to give a log or enable the fallback: the SPI has no way for a task to
 * stay out of a schedule, and a task that trained on something other than search data without being asked would mislead.
 * With {@code fallback: passages} the task trains on a stand-in built from the corpus, and says so once in the run's log
 * ({@link PassageGenerator}). It keeps the paper's three grades and lets the text alone decide them: the query is four
 * keywords (nouns and adjectives, {@link Keywords}) of one passage, five consecutive sentences, two of them from the
 * passage's middle sentence and two from the sentences around it; the line shown with it is that middle sentence (class 0,
 * strong: it holds part of the query, as a clicked title holds words of what was searched), a sentence of another passage
 * of the same document, more than four sentences away (class 1, weak: the same address, another subject), or a sentence of
 * another document (class 2, irrelevant). The mix is set by {@code weak-share} and {@code random-title-share}, a third each
 * by default, and each document gives {@code pairs-per-document} examples (64 by default), so 12 held-out State of the
 * Union addresses give 768. Queries and lines are made the same way for every class, so the layout of the input tells the
 * classes apart no better than the majority label. What it is not: search data. It teaches the encoder to relate a keyword
 * query to a sentence, by the words they share and by the document they come from; it says nothing of what searchers
 * click, and its weak grade is "same document", not "shown but not clicked".
 *
 * <p>{@code fallback: document-titles} is the first stand-in, kept so that configurations that name it still run and the
 * results measured with it can be reproduced; it is not recommended. Its query is a short noun phrase of a document (one to
 * four tokens of an {@code NP} chunk with a noun, from a sentence other than the title), its title the document's own
 * title when the corpus has one and its first sentence otherwise; with probability {@code random-title-share} the title is
 * another document's instead (class 2), else the document's own (class 0). It never makes class 1, and on a corpus
 * without titles its classes differ only in which address a near-identical salutation comes from, which text cannot tell.
 *
 * <p>Both stand-ins draw the other document of class 2 on the document's side of the held-out split
 * ({@link org.ernie4j.spi.TaskContext#heldOut()}): a held-out example is made of held-out text only.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.ir-relevance}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code log}</td><td>none</td><td>the search log, in the format above; a relative path is resolved against the
 * working directory</td></tr>
 * <tr><td>{@code fallback}</td><td>{@code none}</td><td>{@code none}, or {@code passages} (or the older
 * {@code document-titles}) for the stand-ins above when there is no log; not together with {@code log}</td></tr>
 * <tr><td>{@code pairs-per-document}</td><td>with a log, {@code ceil(pairs / ((1 - random-title-share) x documents))}
 * between 1 and 256; with {@code passages}, 64; with {@code document-titles}, 1</td><td>the examples each document brings,
 * 1 to 4096</td></tr>
 * <tr><td>{@code random-title-share}</td><td>1/3</td><td>the probability that an example is a random title (class 2; with
 * {@code passages}, a line of another document), from 0 to 1</td></tr>
 * <tr><td>{@code weak-share}</td><td>1/3</td><td>with {@code passages} only: the probability of a weak line (class 1), from
 * 0 to 1, at most 1 less {@code random-title-share}</td></tr>
 * <tr><td>{@code max-query-length}</td><td>(maximum input length - 3) / 2</td><td>the most word pieces kept of a query,
 * from 1 to the maximum length less 4</td></tr>
 * <tr><td>{@code held-out-queries}</td><td>0.1</td><td>the share of the log's distinct queries whose pairs only held-out
 * documents draw (at least one query when there are two or more), from 0 to below 1</td></tr>
 * </table>
 * A bad value fails when the task joins the run, with an error naming its path, such as
 * {@code tasks.ir-relevance.log: no such file: /data/clicks.tsv}.
 *
 * <h2>Skips</h2>
 * Nothing a document or a log line contains makes the task throw. It counts through the run's
 * {@link org.ernie4j.spi.TaskReporter}: malformed log lines, calls made while the log has no pair (an empty log, also
 * warned about once), and random titles not found; with {@code passages}, documents of fewer than 10 sentences with text,
 * draws that find no sentence with a keyword whose passage has another, and lines of another document when none has text;
 * with {@code document-titles}, documents without text or without a noun phrase, and random titles from another document
 * that has none or the same one.
 *
 * <p>All randomness comes from the random source the core passes to {@link LabelGenerator#generate}, so the examples are
 * the same for the same source state (and the same corpus and log). Making an example copies two arrays of pieces.
 */
public final class IrRelevanceTask
        implements PretrainingTask
{
    public static final String NAME = "ir-relevance";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.SEMANTIC_AWARE,
            "tell whether a title was clicked after a search query, shown but not clicked, or drawn at random");

    private static final int CLASSES = RelevanceLabel.values().length;

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    /** A sequence classification head of 3 classes. */
    @Override
    public HeadSpec head(TaskContext context)
    {
        requireNonNull(context, "context is null");
        return SequenceClassificationHead.of(CLASSES);
    }

    /**
     * Reads and validates the settings, reads the search log once, and returns the task's generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a bad setting, or of {@code log} when there is no
     * log and no fallback, or when the log cannot be read
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        IrRelevanceSettings settings = IrRelevanceSettings.read(context.settings(), context.maxSequenceLength());
        TaskReporter reporter = context.reporter();
        int documents = context.corpus().size();
        if (settings.fallback() == IrRelevanceSettings.Fallback.PASSAGES) {
            reporter.warnOnce(NAME + ": no search log; the passages fallback pairs keywords of a passage, as the query, with a sentence of"
                    + " that passage (class 0, strong), of another passage of the same document (class 1, weak) or of another document"
                    + " (class 2, irrelevant). This is a stand-in built from the corpus, not search-log data: it teaches relating a keyword"
                    + " query to a passage, not what searchers click");
            QueryTitleInputs inputs = new QueryTitleInputs(context.vocabulary(), context.maxSequenceLength(), settings.maxQueryLength());
            return new PassageGenerator(inputs, settings.pairsPerDocument(0, documents), settings.weakShare(), settings.randomTitleShare(),
                    context.split(), reporter);
        }
        if (settings.fallback() == IrRelevanceSettings.Fallback.DOCUMENT_TITLES) {
            reporter.warnOnce(NAME + ": no search log; the document-titles fallback pairs a noun phrase of a document, as the query,"
                    + " with the document's title or first sentence (class 0) or another document's (class 2). This is a weak stand-in"
                    + " built from the corpus, not search-log data, and it makes no class 1 (shown, not clicked); fallback: passages is"
                    + " the stand-in that text can decide");
            return new DocumentTitleGenerator(settings.pairsPerDocument(0, documents), settings.randomTitleShare(), settings.maxQueryLength(),
                    context.vocabulary(), context.maxSequenceLength(), context.split(), reporter);
        }
        SearchLog log = read(settings.log().orElseThrow(), context);
        warnAboutMissingClasses(log, settings, reporter);
        HeldOutQueries split = HeldOutQueries.of(log, settings.heldOutQueries());
        Set<String> trainingDocuments = new HashSet<>();
        for (int i = 0; i < documents; i++) {
            trainingDocuments.add(context.corpus().get(i).id());
        }
        return new SearchLogGenerator(log, split, trainingDocuments, settings.pairsPerDocument(split.trainingPairs().length, documents),
                settings.randomTitleShare(), settings.maxQueryLength(), context.vocabulary(), context.maxSequenceLength(), reporter);
    }

    private static SearchLog read(Path file, TaskContext context)
    {
        SearchLogReader reader = new SearchLogReader(context.vocabulary(), context.reporter(), NAME);
        // Strict UTF-8: a log in another encoding fails with a clear message rather than training on garbled text.
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.read(in, file.toString());
        }
        catch (CharacterCodingException e) {
            throw context.settings().invalid(IrRelevanceSettings.LOG, file + " is not UTF-8 text: " + e);
        }
        catch (IOException e) {
            throw context.settings().invalid(IrRelevanceSettings.LOG, "cannot read " + file + ": " + e);
        }
    }

    private static void warnAboutMissingClasses(SearchLog log, IrRelevanceSettings settings, TaskReporter reporter)
    {
        if (log.pairCount() == 0) {
            reporter.warnOnce(NAME + ": " + log.source() + " has no usable query/title pair, so the task makes no examples");
            return;
        }
        int clicked = log.clickedCount();
        if (clicked == 0 || clicked == log.pairCount()) {
            reporter.warnOnce(NAME + ": " + log.source() + " has no " + (clicked == 0 ? "clicked" : "shown but not clicked")
                    + " pair, so class " + (clicked == 0 ? RelevanceLabel.CLICKED.label() : RelevanceLabel.SHOWN.label()) + " never occurs");
        }
        if (log.titleCount() < 2 && settings.randomTitleShare() > 0) {
            reporter.warnOnce(NAME + ": " + log.source() + " has a single title, so no random title (class 2) can be drawn");
        }
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
