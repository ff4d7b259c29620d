package org.ernie4j.tasks.word;

import java.util.Arrays;
import java.util.Optional;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * Token-classification examples of the tasks that label words (capitalization, token-document relation): a window as a
 * single-text input, {@code [CLS] pieces [SEP]} in segment 0, with each word's label on the word's first piece.
 *
 * <p>A word's later pieces are ignored rather than given the word's label. The label belongs to the word, and the model has
 * read the whole word by the time it predicts from the first piece (attention sees every piece); repeating the label on
 * every piece would only make words that the vocabulary happens to split finely weigh more in the loss. This is what BERT
 * does for token classification (named entities) too. {@code [CLS]}, {@code [SEP]} and words a task does not label are
 * ignored as well.
 */
final class WordLabelExamples
{
    private final Vocabulary vocabulary;

    WordLabelExamples(Vocabulary vocabulary)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    /**
     * The window's example, or empty when no word has a label: an example without labels adds only cost to a batch.
     *
     * @param wordLabels one per token of the window: a class index, or {@link TokenLabels#IGNORED}
     */
    Optional<Example> example(Window window, int[] wordLabels)
    {
        requireNonNull(window, "window is null");
        requireNonNull(wordLabels, "wordLabels is null");
        if (wordLabels.length != window.tokenCount()) {
            throw new IllegalArgumentException(wordLabels.length + " labels for a window of " + window.tokenCount() + " tokens");
        }
        int[] labels = new int[window.pieceCount() + 2];
        Arrays.fill(labels, TokenLabels.IGNORED);
        boolean anyLabel = false;
        for (int token = 0; token < wordLabels.length; token++) {
            if (wordLabels[token] != TokenLabels.IGNORED) {
                labels[1 + window.firstPiece(token)] = wordLabels[token];
                anyLabel = true;
            }
        }
        if (!anyLabel) {
            return Optional.empty();
        }
        int[] ids = window.inputIds(vocabulary);
        return Optional.of(new Example(ids, new int[ids.length], new TokenLabels(labels)));
    }
}
