package org.ernie4j.core.finetune;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One labelled item of a fine-tuning dataset: a text (or a pair of texts) with one label, or a sequence of words with
 * one label each.
 */
public sealed interface LabelledItem
{
    /** Where the item was read, for error messages, such as {@code train.tsv:12}. */
    String source();

    /**
     * A text, or a pair of texts, with a label.
     *
     * @param pair the second text of a pair, or null
     */
    record Text(String text, String pair, String label, String source)
            implements LabelledItem
    {
        public Text
        {
            requireNonNull(text, "text is null");
            requireNonNull(label, "label is null");
            requireNonNull(source, "source is null");
        }
    }

    /** Words with a label each. */
    record Tokens(List<String> tokens, List<String> labels, String source)
            implements LabelledItem
    {
        public Tokens
        {
            tokens = List.copyOf(tokens);
            labels = List.copyOf(labels);
            requireNonNull(source, "source is null");
            if (tokens.size() != labels.size()) {
                throw new IllegalArgumentException(source + ": " + tokens.size() + " tokens but " + labels.size() + " labels");
            }
        }
    }
}
