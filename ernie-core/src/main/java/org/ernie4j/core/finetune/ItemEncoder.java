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

    /**
     * The item as far as the encoder reads it: each text ends with the last whitespace-separated word of which at least
     * one piece fits in the input, and a word sequence with the last word that fits whole. The lexical baseline reads
     * this, so that it is not given words an encoder never sees (a mail of 400 words, of which 128 pieces fit).
     */
    public LabelledItem asRead(LabelledItem item)
    {
        if (item instanceof LabelledItem.Text text) {
            int[] kept = keptPieces(vocabulary.encode(text.text()).length, text.pair() == null ? 0 : vocabulary.encode(text.pair()).length,
                    text.pair() != null);
            return new LabelledItem.Text(wordsCovering(text.text(), kept[0]), text.pair() == null ? null : wordsCovering(text.pair(), kept[1]),
                    text.label(), text.source());
        }
        LabelledItem.Tokens tokens = (LabelledItem.Tokens) item;
        int words = fittingWords(tokens).size();
        return new LabelledItem.Tokens(tokens.tokens().subList(0, words), tokens.labels().subList(0, words), tokens.source());
    }

    /** The pieces of each leading word of the item that fits whole between [CLS] and [SEP]. */
    private List<int[]> fittingWords(LabelledItem.Tokens item)
    {
        List<int[]> words = new ArrayList<>();
        int room = maxLength - 2;
        for (String word : item.tokens()) {
            int[] pieces = pieces(word);
            if (pieces.length > room) {
                break;
            }
            room -= pieces.length;
            words.add(pieces);
        }
        return words;
    }

    /** A word's pieces; a word the vocabulary has no piece for is one unknown piece. */
    private int[] pieces(String word)
    {
        int[] pieces = vocabulary.encode(word);
        return pieces.length == 0 ? new int[] {vocabulary.unkId()} : pieces;
    }

    private Example text(LabelledItem.Text item, int label)
    {
        int[] first = vocabulary.encode(item.text());
        int[] second = item.pair() == null ? new int[0] : vocabulary.encode(item.pair());
        int[] kept = keptPieces(first.length, second.length, item.pair() != null);
        InputBuilder input = InputBuilder.start(vocabulary, maxLength).addAll(Arrays.copyOf(first, kept[0])).separator();
        if (item.pair() != null) {
            input.nextSegment().addAll(Arrays.copyOf(second, kept[1])).separator();
        }
        return input.build(new SequenceLabel(Math.max(0, label)));
    }

    /** How many pieces of the first and second text fit: the longer one is cut first, a piece at a time. */
    private int[] keptPieces(int first, int second, boolean pair)
    {
        int room = maxLength - (pair ? 3 : 2);
        while (first + second > room) {
            if (first >= second) {
                first--;
            }
            else {
                second--;
            }
        }
        return new int[] {first, second};
    }

    /** The shortest run of the text's leading words whose pieces cover {@code pieces}. */
    private String wordsCovering(String text, int pieces)
    {
        StringBuilder read = new StringBuilder();
        int covered = 0;
        for (String word : text.strip().split("\\s+")) {
            if (covered >= pieces) {
                break;
            }
            read.append(read.isEmpty() ? "" : " ").append(word);
            covered += vocabulary.encode(word).length;
        }
        return read.toString();
    }

    private Example tokens(LabelledItem.Tokens item)
    {
        InputBuilder input = InputBuilder.start(vocabulary, maxLength);
        List<Integer> targets = new ArrayList<>(List.of(TokenLabels.IGNORED));
        List<int[]> words = fittingWords(item);
        for (int i = 0; i < words.size(); i++) {
            int[] pieces = words.get(i);
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
