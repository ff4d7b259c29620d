package org.ernie4j.core.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * Turns labelled items into model inputs: {@code [CLS] text [SEP]} (and {@code second text [SEP]} in segment 1 for
 * pairs, the longer text cut first when both do not fit), or the word pieces of each word with the word's label on its
 * first piece and the other pieces unlabelled.
 */
public final class ItemEncoder
{
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final List<String> labels;

    public ItemEncoder(Vocabulary vocabulary, int maxLength, List<String> labels)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.labels = List.copyOf(requireNonNull(labels, "labels is null"));
        if (maxLength < 4) {
            throw new IllegalArgumentException("max length must be at least 4: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    public Example encode(LabelledItem item)
    {
        if (item instanceof LabelledItem.Text text) {
            return text(text, text.label() == null ? -1 : labelIndex(text.label(), text.source()));
        }
        return tokens((LabelledItem.Tokens) item);
    }

    /** The input of a text or pair without its label (for prediction); the target is a placeholder class 0. */
    public Example encodeUnlabelled(String text, String pair)
    {
        return text(new LabelledItem.Text(text, pair, "", "input"), 0);
    }

    private Example text(LabelledItem.Text item, int label)
    {
        int[] first = vocabulary.encode(item.text());
        int[] second = item.pair() == null ? new int[0] : vocabulary.encode(item.pair());
        int room = maxLength - (item.pair() == null ? 2 : 3);
        while (first.length + second.length > room) {
            if (first.length >= second.length) {
                first = Arrays.copyOf(first, first.length - 1);
            }
            else {
                second = Arrays.copyOf(second, second.length - 1);
            }
        }
        InputBuilder input = InputBuilder.start(vocabulary, maxLength).addAll(first).separator();
        if (item.pair() != null) {
            input.nextSegment().addAll(second).separator();
        }
        return input.build(new SequenceLabel(Math.max(0, label)));
    }

    private Example tokens(LabelledItem.Tokens item)
    {
        InputBuilder input = InputBuilder.start(vocabulary, maxLength);
        List<Integer> targets = new ArrayList<>(List.of(TokenLabels.IGNORED));
        for (int i = 0; i < item.tokens().size(); i++) {
            int[] pieces = vocabulary.encode(item.tokens().get(i));
            if (pieces.length == 0) {
                pieces = new int[] {vocabulary.unkId()};
            }
            if (input.remaining() <= pieces.length) {
                break;
            }
            int label = labelIndex(item.labels().get(i), item.source());
            for (int piece = 0; piece < pieces.length; piece++) {
                input.add(pieces[piece]);
                targets.add(piece == 0 ? label : TokenLabels.IGNORED);
            }
        }
        input.separator();
        targets.add(TokenLabels.IGNORED);
        return input.build(new TokenLabels(targets.stream().mapToInt(Integer::intValue).toArray()));
    }

    private int labelIndex(String label, String source)
    {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException(source + ": label '" + label + "' is not one of the model's labels " + labels);
        }
        return index;
    }
}
