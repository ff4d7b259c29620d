package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * Makes the examples of {@link ${classPrefix}Task} from one document: its sentences, in order, packed whole into inputs
 * as long as they fit, and the first piece of every word labelled by {@link #label}, the task's rule.
 *
 * <p>Deterministic, as the SPI requires: it keeps no state between documents, and draws no random numbers. A rule that
 * needs them takes them from the {@code random} given to {@link #generate}, so that a resumed run sees the examples an
 * uninterrupted one would have seen.
 */
final class ${classPrefix}Labels
        implements LabelGenerator
{
    /** The reason reported for an input without a word to label (a single word longer than the input). */
    static final String NOTHING_TO_LABEL = "input has no word to label";

    // ==== THE LABELLING RULE of ${taskName}: write it here ==============================================================
    // This is the one place to change for a task of your own: the number of classes and the rule that gives each word
    // its class. Everything else (inputs, [CLS] and [SEP], pieces, lengths, skipped inputs) works for any rule that labels
    // words. What is here now is a placeholder that teaches the model nothing worth knowing: it labels a word 1 when it
    // holds a digit, which the model reads straight off the word's pieces. Once the rule is yours, say what it labels in
    // the description of ${classPrefix}Task's TaskInfo and in the test of the rule.

    /** The number of classes {@link #label} answers with: 0 to {@code CLASSES - 1}. */
    static final int CLASSES = 2;

    /**
     * The class of the word at {@code index} of {@code sentence}, from 0 to {@link #CLASSES} - 1, or
     * {@link TokenLabels#IGNORED} to leave the word unlabelled. The whole sentence is there to look at (its other tokens,
     * their part-of-speech tags, chunks and entities); the label must not be written into the input, which holds the text
     * as it is.
     */
    static int label(Sentence sentence, int index)
    {
        // PLACEHOLDER, replace: does the word hold a digit?
        Token token = sentence.tokens().get(index);
        return token.surface().codePoints().anyMatch(Character::isDigit) ? 1 : 0;
    }

    // ==== end of the labelling rule =====================================================================================

    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;

    ${classPrefix}Labels(Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.maxSequenceLength = maxSequenceLength;
        this.reporter = requireNonNull(reporter, "reporter is null");
    }

    @Override
    public List<Example> generate(Document document, RandomGenerator random)
    {
        List<Sentence> sentences = document.sentences().stream().filter(sentence -> !sentence.tokens().isEmpty()).toList();
        List<Example> examples = new ArrayList<>();
        int next = 0;
        while (next < sentences.size()) {
            InputBuilder input = InputBuilder.start(vocabulary, maxSequenceLength);
            List<Integer> labels = new ArrayList<>(List.of(TokenLabels.IGNORED));
            // The first sentence of an input goes in even when it has to be cut after its last whole word that fits; later
            // ones only whole, so that no sentence is split between two inputs.
            boolean first = true;
            while (next < sentences.size() && (first || sentences.get(next).pieceCount() < input.remaining())) {
                add(sentences.get(next), input, labels);
                first = false;
                next++;
            }
            input.separator();
            labels.add(TokenLabels.IGNORED);
            TokenLabels target = new TokenLabels(labels.stream().mapToInt(Integer::intValue).toArray());
            if (target.labelledCount() == 0) {
                reporter.skipped(NOTHING_TO_LABEL);
            }
            else {
                examples.add(input.build(target));
            }
        }
        return examples;
    }

    /** Adds the sentence's words that fit, keeping one place for the closing {@code [SEP]}; a word's first piece carries its label. */
    private static void add(Sentence sentence, InputBuilder input, List<Integer> labels)
    {
        List<Token> tokens = sentence.tokens();
        for (int index = 0; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.pieceCount() >= input.remaining()) {
                return;
            }
            int label = label(sentence, index);
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                input.add(token.pieceId(piece));
                labels.add(piece == 0 ? label : TokenLabels.IGNORED);
            }
        }
    }

    @Override
    public String toString()
    {
        return "${taskName}, inputs of whole consecutive sentences, at most " + maxSequenceLength + " pieces";
    }
}
