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
 * Makes the examples of {@link ${classPrefix}Task} from one document: consecutive sentences packed into inputs, the first
 * piece of each word labelled by whether the word starts its sentence.
 *
 * <p>Deterministic, as the SPI requires: it keeps no state between documents, and its only random choice (how many
 * sentences an input packs) comes from the random source it is given, so a resumed run sees the examples an uninterrupted
 * one would have seen.
 */
final class ${classPrefix}Labels
        implements LabelGenerator
{
    /** The label of a word that starts a sentence. */
    static final int STARTS = 1;
    /** The label of a word that does not. */
    static final int CONTINUES = 0;
    /** The reason reported for an input without a word to label (punctuation only, or a single word longer than the input). */
    static final String NOTHING_TO_LABEL = "input has no word to label";

    private final ${classPrefix}Settings settings;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;
    private final TaskReporter reporter;

    ${classPrefix}Labels(${classPrefix}Settings settings, Vocabulary vocabulary, int maxSequenceLength, TaskReporter reporter)
    {
        this.settings = requireNonNull(settings, "settings is null");
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
            int wanted = 2 + random.nextInt(settings.maxSentences() - 1);
            InputBuilder input = InputBuilder.start(vocabulary, maxSequenceLength);
            List<Integer> labels = new ArrayList<>(List.of(TokenLabels.IGNORED));
            // The first sentence of an input goes in even when it has to be cut; later ones only whole, so that no sentence
            // is split between two inputs and a word labelled "starts" always does.
            int packed = 0;
            while (packed < wanted && next < sentences.size() && (packed == 0 || sentences.get(next).pieceCount() < input.remaining())) {
                add(sentences.get(next), packed == 0, input, labels);
                packed++;
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

    /** Adds the sentence's words that fit, keeping one place for the closing {@code [SEP]}. */
    private static void add(Sentence sentence, boolean firstOfInput, InputBuilder input, List<Integer> labels)
    {
        List<Token> tokens = sentence.tokens();
        int firstWord = firstWord(tokens);
        for (int index = 0; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            if (token.pieceCount() >= input.remaining()) {
                return;
            }
            int label;
            if (!isWord(token) || (firstOfInput && index == firstWord)) {
                label = TokenLabels.IGNORED;
            }
            else {
                label = index == firstWord ? STARTS : CONTINUES;
            }
            for (int piece = 0; piece < token.pieceCount(); piece++) {
                input.add(token.pieceId(piece));
                labels.add(piece == 0 ? label : TokenLabels.IGNORED);
            }
        }
    }

    /** The index of the sentence's first word: an opening quote or bracket does not start a sentence, the word after it does. */
    private static int firstWord(List<Token> tokens)
    {
        for (int index = 0; index < tokens.size(); index++) {
            if (isWord(tokens.get(index))) {
                return index;
            }
        }
        return -1;
    }

    private static boolean isWord(Token token)
    {
        return token.surface().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    @Override
    public String toString()
    {
        return "${taskName}, inputs of 2 to " + settings.maxSentences() + " sentences and at most " + maxSequenceLength + " pieces";
    }
}
