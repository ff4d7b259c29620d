package org.ernie4j.tasks.word;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.TokenClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * Token-document relation, ERNIE 2.0's word-aware task: for every word of a segment, predict whether it also occurs in
 * another segment of the same document. Words that recur across a document are its key words (its topics, the names it
 * is about) or common words; with common words left out, the task asks the model to tell what a document is about from one
 * part of it.
 *
 * <h2>Segments and examples</h2>
 * As in the paper, a segment is the input window cut from a document, and the rest of the document is the other segments.
 * Each document is cut into windows of consecutive whole sentences that fit the model's input with {@code [CLS]} and
 * {@code [SEP]}, exactly as for knowledge masking and capitalization (a sentence too long on its own is cut between words);
 * so the segments cover the whole document, and the maximum input length decides how many there are. Every segment with a
 * labelled word yields one example: {@code [CLS] pieces [SEP]} in segment 0, the document's own uncased ids (the other
 * segments are not in the input: finding out what they hold is the task). The target is one label per position
 * ({@link org.ernie4j.spi.example.TokenLabels}) for the head {@code TokenClassificationHead.of(2)}: class 1 when the word's
 * type occurs in at least one other segment of the document, class 0 when it occurs only in this one (however often).
 *
 * <p>A document that fits in a single segment has nothing to relate its words to and yields no example; the skip is
 * reported.
 *
 * <h2>Word types</h2>
 * Words are compared by type: the surface in Unicode compatibility form (NFKC), lower case, with typographic apostrophes
 * made plain, so that "Union", "UNION" and "union" are one word. Word pieces are not compared: "states" does not occur in
 * "statesman".
 *
 * <h2>Which positions have a label</h2>
 * <ul>
 * <li>A word's label sits on its first piece; its later pieces are ignored, as for capitalization.</li>
 * <li>Tokens without a letter or digit (punctuation) are ignored. Numbers are words: a year or an amount repeated across a
 * document is as much a key word as a name.</li>
 * <li>Words the vocabulary does not know ({@code [UNK]} or another special piece) are ignored: the model cannot see which
 * word it is.</li>
 * <li>Stop words are ignored by default. Function words such as "the" or "of" occur in nearly every segment; as positives
 * they would be most of the labels and teach nothing about the document.</li>
 * </ul>
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.token-document-relation}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code ignore-stop-words}</td><td>true</td><td>leave stop words without a label; with {@code false} every word
 * is labelled</td></tr>
 * <tr><td>{@code stop-words}</td><td>the shipped English list</td><td>the stop words, replacing the shipped list (about
 * 250 English function words, {@code english-stop-words.txt} in the plugin jar) as a whole; a list of single words,
 * compared by type as above. Setting it while {@code ignore-stop-words} is false has no effect, and the run is warned
 * once.</td></tr>
 * </table>
 * A stop word that is blank or holds white space fails when the task joins the run, with an error naming the setting's
 * path.
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. It reports through the run's {@link org.ernie4j.spi.TaskReporter}:
 * documents without word pieces, documents that fit in a single segment, segments without a word to label (only
 * punctuation, stop words or unknown pieces), and single words too long for any input, which are left out.
 *
 * <p>The labels are facts of the text: the task draws nothing from the random source, and a document always gives the same
 * examples. Labelling is linear in the length of the document.
 */
public final class TokenDocumentRelationTask
        implements PretrainingTask
{
    public static final String NAME = "token-document-relation";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.WORD_AWARE,
            "predict for every word of a segment whether it also occurs in another segment of the same document");

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    @Override
    public HeadSpec head(TaskContext context)
    {
        return TokenClassificationHead.of(2);
    }

    /**
     * Reads and validates the settings and returns the task's generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a bad setting
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        TokenDocumentRelationSettings settings = TokenDocumentRelationSettings.read(context.settings());
        if (!settings.ignoreStopWords() && context.settings().keys().contains(TokenDocumentRelationSettings.STOP_WORDS)) {
            context.reporter().warnOnce(NAME + ": stop-words has no effect while ignore-stop-words is false");
        }
        return new TokenDocumentRelationGenerator(settings, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
