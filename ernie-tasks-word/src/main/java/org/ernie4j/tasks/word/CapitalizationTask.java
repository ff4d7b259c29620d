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
 * Capitalization prediction, ERNIE 2.0's word-aware task: for every word, predict whether it starts with a capital letter.
 * The model reads uncased word pieces, so "United States" and "united states" look the same to it; telling them apart from
 * context teaches it which words are names, titles and institutions, the words that carry most of a text's specific
 * meaning.
 *
 * <h2>Examples</h2>
 * Each document is cut into windows of consecutive whole sentences that fit the model's input with {@code [CLS]} and
 * {@code [SEP]}, exactly as for knowledge masking; a sentence too long on its own is cut between words into windows of its
 * own. Every window with at least one labelled word yields one example: {@code [CLS] pieces [SEP]} in segment 0, the
 * document's own uncased ids, so that the input carries no trace of the answer. The target is one label per position
 * ({@link org.ernie4j.spi.example.TokenLabels}) for the head {@code TokenClassificationHead.of(2)}: class 1 for a word
 * whose first letter is a capital (upper or title case), class 0 for one whose first letter is lower case.
 *
 * <h2>Which positions have a label</h2>
 * <ul>
 * <li>A word's label sits on its first piece; its later pieces are ignored. The label is a fact of the word, predicted
 * once, so that words the vocabulary splits finely do not weigh more in the loss (as in BERT's token classification).</li>
 * <li>The first letter decides, not the first character: "'Tis" is capitalized, "3rd" is not.</li>
 * <li>Tokens without a letter (punctuation, numbers) are ignored: there is nothing to capitalize.</li>
 * <li>Words whose first letter has no case (Chinese, Japanese, Arabic, Hebrew, ...) are ignored: neither label is true.
 * Cased scripts other than Latin, such as Greek or Cyrillic, are labelled like English.</li>
 * <li>Words the vocabulary does not know ({@code [UNK]} or another special piece) are ignored: the model cannot see
 * them.</li>
 * <li>The first word of each sentence (its first token with a letter or digit, so after an opening quote or bracket) is
 * ignored by default: it is capitalized by the rules of writing, not for what it is, and would otherwise be two capitals
 * in five (in State of the Union addresses), teaching sentence boundaries rather than names. A sentence that begins with
 * a name loses that label too. The first token of a window that starts inside a long sentence is not
 * sentence-initial.</li>
 * </ul>
 * {@code [CLS]} and {@code [SEP]} are ignored. A capital inside a word ("iPhone", "McDonald") does not count.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.capitalization}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code ignore-sentence-initial}</td><td>true</td><td>leave the first word of every sentence without a label;
 * with {@code false} it is labelled like any other word</td></tr>
 * </table>
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. It reports through the run's {@link org.ernie4j.spi.TaskReporter}:
 * documents without word pieces, windows without a word to label (punctuation, numbers, caseless scripts, unknown
 * pieces, or a window of one-word sentences whose words are all sentence-initial), and single words too long for any
 * input, which are left out.
 *
 * <p>The labels are facts of the text: the task draws nothing from the random source, and a document always gives the same
 * examples.
 */
public final class CapitalizationTask
        implements PretrainingTask
{
    public static final String NAME = "capitalization";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.WORD_AWARE,
            "predict for every word of uncased input whether it starts with a capital letter");

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
     * Reads the settings and returns the task's generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a setting of the wrong type
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        CapitalizationSettings settings = CapitalizationSettings.read(context.settings());
        return new CapitalizationGenerator(settings, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
