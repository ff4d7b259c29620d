package org.ernie4j.tasks.semantic;

import java.util.Locale;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.TaskSettings;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * Discourse relation, a semantic-aware task of ERNIE 2.0: predict the rhetorical relation between two adjacent sentences, or two clauses of one.
 * The paper trains it on the discourse-marker data of Sileo et al. (2019, "Mining Discourse Markers for Unsupervised
 * Sentence Representation Learning"); this task builds such weak labels from any corpus the same way.
 *
 * <h2>Examples</h2>
 * A marked pair is two spans of text that a discourse marker of the table ("however,", "for example", "as a result",
 * ...) relates, found in two places:
 * <ul>
 * <li>opening a sentence: two adjacent sentences of a document whose second begins with a marker, as Sileo et al. mine
 * them;</li>
 * <li>inside a sentence (unless {@code in-sentence: false}): two clauses of one sentence joined by a marker, as Nie et al.
 * (2019, "DisSent: Learning Sentence Representations from Explicit Discourse Relations") mine them; the rules are
 * below.</li>
 * </ul>
 * The marker is removed from the input and its relation class is the label: what is removed is exactly the marker's
 * tokens and a comma token right after them (and, inside a sentence, the comma or semicolon before them), and the
 * closing punctuation of each side (a full stop ends a sentence but not a clause before a marker, so keeping it would
 * tell the model which kind of pair it reads, and with it the likely class, without any relation being understood); the
 * rest stays.
 * The input is {@code [CLS] first [SEP] second-without-marker [SEP]}, segment id 0 up to the first {@code [SEP]} and 1
 * after, and the target is the class ({@link org.ernie4j.spi.example.SequenceLabel}) for a
 * {@link SequenceClassificationHead} with as many classes as the table has. Sentences without tokens are passed over, so
 * the sentences on either side of one are adjacent. A side longer than {@code max-segment-length} pieces is cut: the
 * first keeps its end and the second its beginning, where the relation shows.
 *
 * <h2>Markers</h2>
 * The table and its matching are described on {@link DiscourseMarkers}: lines {@code marker<TAB>class}, matched on a
 * sentence's (or clause's) first tokens case-insensitively, the longest marker first, a marker written with a trailing
 * comma only when a comma follows. The shipped English table groups 170 markers into 11 classes, numbered in this order:
 * contrast, concession, result, reason, example, elaboration, addition, similarity, alternative, temporal, summary.
 * Sentence-initial words that are too often something else ("and" alone, "so" without a comma, "however" without a
 * comma as in "however wise the theory", "now", "since", "while", "because", "although") are left out; the table's
 * header says why each choice was made.
 *
 * <h2>Markers inside a sentence</h2>
 * Inside a sentence a marker is far more often something else than at its start: "The budget, however, is balanced"
 * is one clause with a parenthesis, "if ..., then ..." a condition, "..., thus fostering ..." a participle, "...,
 * instead of ..." a preposition. So a marker splits a sentence only where a clause is likely to begin, and the rules
 * favour precision over yield:
 * <ul>
 * <li>it directly follows a semicolon (any marker of the table: "...; but ...", "...; however, ...", "...; then ..."),
 * or a comma for the markers of {@code comma-markers} only (by default the conjunctions "but" and "yet", which after a
 * comma mostly join two clauses);</li>
 * <li>the word right after it is not one that makes the rest a phrase of the clause before: "also" ("not only ..., but
 * also ..."), "not", "only", "which", "who", "whom", "whose";</li>
 * <li>each side keeps at least three words (tokens with a letter or digit), so that both are likely clauses.</li>
 * </ul>
 * The first side runs from the start of the sentence, or from the marker found before, to the comma or semicolon; the
 * second from after the marker (and its comma) to the next marker found, or the end of the sentence. A sentence with two
 * markers inside gives two pairs, and no side holds another marker found, even one whose pair was left out for being too
 * short. A sentence that opens with a marker gives that pair with the sentence before as well, its second side the whole
 * rest of the sentence.
 *
 * <h2>Class balance</h2>
 * Markers are far from evenly spread: on State of the Union addresses "but" alone makes about half of them
 * (docs/RESULTS.md has the counts). Two settings
 * even the classes out, and both need the class counts before the first document is labelled (the head is built before any
 * document is seen). So when either is on, the task counts the markers of a sample of the corpus when it joins the run:
 * {@code sample-documents} documents evenly spaced over {@link TaskContext#corpus()}, a bounded cost whatever the corpus
 * size.
 * <ul>
 * <li>{@code max-class-share} thins dominant classes: an example of a class above the share is kept with a probability
 * that brings it to the share in expectation: the classes above the share are thinned to a common count {@code c}, the
 * largest for which {@code c / (sum over classes of min(count, c))} is at most the share. Each example left out is counted as a skip, {@code relation <class> thinned to
 * max-class-share}, and the probabilities are logged once with the sample's counts.</li>
 * <li>{@code class-weights: balanced} gives the head per-class loss weights
 * ({@link SequenceClassificationHead#weighted}) that make every class weigh the same in expectation, from the counts
 * expected after thinning. A class not found in the sample gets the largest weight of those found.</li>
 * </ul>
 * The class counts of any documents under a configuration's settings can be had without a run from
 * {@link #classCounts(TaskSettings, Iterable)}, and on a prepared corpus from the command {@code ernie markers}: the
 * task's reporter counts only skips, so that is the way to see the relation mix a corpus yields.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.discourse-relation}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code markers-file}</td><td>the shipped English table</td><td>a table file replacing the shipped one, in the
 * format above; a relative path is resolved against the working directory</td></tr>
 * <tr><td>{@code markers}</td><td>the shipped English table</td><td>the table inline, replacing the shipped one: a list of
 * {@code marker=class} entries, such as {@code "for example=example"}; not together with {@code markers-file}</td></tr>
 * <tr><td>{@code in-sentence}</td><td>{@code true}</td><td>whether markers inside a sentence make pairs too;
 * {@code false} keeps only sentences that open with a marker</td></tr>
 * <tr><td>{@code comma-markers}</td><td>{@code [but, yet]} (those of them the table has)</td><td>the markers that split a
 * sentence after a comma as well as after a semicolon, written as in the table; each must be a marker of the table</td></tr>
 * <tr><td>{@code class-groups}</td><td>none</td><td>coarser classes: a list of {@code class=group} entries, such as
 * {@code contrast=comparison}; each class of the table named is labelled as its group, the others keep their own class,
 * and the head has one class per group, numbered in table order. Fewer, better-populated classes for a corpus too small
 * for the rare ones (docs/RESULTS.md)</td></tr>
 * <tr><td>{@code max-segment-length}</td><td>(maximum input length - 3) / 2</td><td>the most word pieces kept of each
 * side of a pair, from 1 up to the default, with which any pair fits in an input</td></tr>
 * <tr><td>{@code max-class-share}</td><td>0.25</td><td>the largest share of examples a class may have, above 0 and at most
 * 1; 1 keeps every example. A share below one over the number of classes found makes the classes found equally
 * frequent</td></tr>
 * <tr><td>{@code class-weights}</td><td>{@code none}</td><td>{@code none} or {@code balanced}: per-class loss weights
 * from the sample's class counts</td></tr>
 * <tr><td>{@code sample-documents}</td><td>1000</td><td>the most documents read to count classes when the task joins a
 * run, for {@code max-class-share} below 1 or {@code class-weights: balanced}; at least 1</td></tr>
 * </table>
 * A bad value fails when the task joins the run, with an error naming its path (a {@code comma-markers} entry that is not a
 * marker of the table, a {@code class-groups} entry that names no class of the table or leaves fewer than two), such as
 * {@code tasks.discourse-relation.max-class-share: must be above 0 and at most 1 (1 keeps every example), not 1.5}; so do
 * a table file that does not exist or has a malformed line (the error names the file and line), and a table of fewer than
 * two classes.
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. It counts through the run's {@link org.ernie4j.spi.TaskReporter}:
 * documents with fewer than two sentences, documents without any marked pair, pairs whose second sentence holds no
 * word after the marker that opens it, pairs with a side longer than the whole input (more than the maximum
 * length less 2 pieces, most likely a sentence splitter's failure), and examples thinned to {@code max-class-share}. If
 * the sample holds no marker at all, that is logged once.
 *
 * <p>Labels are facts of the text. The random source is drawn from only to thin a class, once per candidate example of a
 * thinned class, so the examples of a document are the same for the same source state. Labelling a document is linear in
 * its length: a sentence is matched with a few hash lookups of its first tokens and of the tokens after each comma and
 * semicolon.
 */
public final class DiscourseRelationTask
        implements PretrainingTask
{
    public static final String NAME = "discourse-relation";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.SEMANTIC_AWARE,
            "predict the discourse relation of two adjacent sentences or clauses, weakly labelled by the marker that joins them");

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    /**
     * A sequence classification head over the table's classes; weighted when {@code class-weights} is {@code balanced}.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a bad setting
     */
    @Override
    public HeadSpec head(TaskContext context)
    {
        requireNonNull(context, "context is null");
        DiscourseRelationSettings settings = DiscourseRelationSettings.read(context.settings(), context.maxSequenceLength());
        if (settings.classWeights() == DiscourseRelationSettings.ClassWeights.BALANCED) {
            return SequenceClassificationHead.weighted(mix(settings, context).balancedWeights());
        }
        return SequenceClassificationHead.of(settings.markers().classes().size());
    }

    /**
     * Reads and validates the settings, counts classes on a corpus sample when a setting needs it, and returns the task's
     * generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a bad setting
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        DiscourseRelationSettings settings = DiscourseRelationSettings.read(context.settings(), context.maxSequenceLength());
        ClassMix mix = settings.capsClasses() ? mix(settings, context) : ClassMix.keepAll(settings.markers().classes().size());
        return new DiscourseRelationGenerator(settings, mix, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    /**
     * How many examples of each class the documents can make under these task settings, before any class is thinned
     * out, split by where the marker is: what a corpus yields.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a bad setting
     */
    public static RelationCounts classCounts(TaskSettings settings, Iterable<Document> documents)
    {
        return DiscourseRelationSettings.pairs(requireNonNull(settings, "settings is null")).counts(requireNonNull(documents, "documents is null"));
    }

    /**
     * The marker table that task settings give ({@code markers-file}, {@code markers} or the shipped English table), for
     * counting the classes of a corpus with {@link #classCounts}.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a table that cannot be used
     */
    public static DiscourseMarkers markers(TaskSettings settings)
    {
        return DiscourseRelationSettings.markers(requireNonNull(settings, "settings is null"));
    }

    /** Counts the classes of a corpus sample; tells the user once what was found and what is thinned. */
    private static ClassMix mix(DiscourseRelationSettings settings, TaskContext context)
    {
        CorpusSample sample = new CorpusSample(context.corpus(), settings.sampleDocuments());
        RelationCounts counts = settings.pairs().counts(sample);
        String where = sample.size() + " of " + sample.corpusSize() + " documents";
        if (counts.total() == 0) {
            context.reporter().warnOnce(NAME + ": no sentence or clause pair in " + where + " has a discourse marker of the table, so the task"
                    + " will make few examples or none; classes are neither thinned nor weighted");
            return ClassMix.keepAll(counts.classes().size());
        }
        ClassMix mix = ClassMix.capped(counts, settings.maxClassShare());
        if (mix.thins()) {
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < counts.classes().size(); i++) {
                if (mix.keep(i) < 1) {
                    kept.append(kept.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %.0f%%", counts.classes().get(i), 100 * mix.keep(i)));
                }
            }
            context.reporter().warnOnce(NAME + ": max-class-share " + settings.maxClassShare() + " keeps " + kept
                    + " of their examples; class counts in " + where + ": " + counts);
        }
        return mix;
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
