package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ernie4j.core.finetune.LabelledItem;

/**
 * Features of each word of a labelled word sequence, from the word and its neighbours: the word as written and without
 * its punctuation, the words before and after it (alone and joined to it), whether it opens the sequence, the
 * punctuation that ends the word before (a sentence's end, a colon), its first and last three letters, and its shape
 * (digits, inner dots or hyphens, length). A linear model over these is what a tagger without an encoder can do.
 */
final class WordFeatures
{
    private static final String START = "<start>";
    private static final String END = "<end>";

    private final int bits;

    WordFeatures(int bits)
    {
        this.bits = bits;
    }

    /** One vector per word of the item, in order. */
    List<FeatureVector> of(LabelledItem.Tokens item)
    {
        List<String> words = item.tokens();
        List<FeatureVector> vectors = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            vectors.add(at(words, i));
        }
        return vectors;
    }

    private FeatureVector at(List<String> words, int i)
    {
        String word = words.get(i).toLowerCase(Locale.ROOT);
        String core = core(word);
        String previous = i > 0 ? words.get(i - 1).toLowerCase(Locale.ROOT) : START;
        String next = i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : END;
        FeatureVector.Builder features = new FeatureVector.Builder(bits)
                .add("bias", 1)
                .add("word " + word, 1)
                .add("core " + core, 1)
                .add("previous " + core(previous), 1)
                .add("next " + core(next), 1)
                .add("previous+core " + core(previous) + " " + core, 1)
                .add("core+next " + core + " " + core(next), 1)
                .add("previous ends " + ending(previous), 1)
                .add("ends " + ending(word), 1)
                .add("prefix " + core.substring(0, Math.min(3, core.length())), 1)
                .add("suffix " + core.substring(Math.max(0, core.length() - 3)), 1)
                .add("shape " + shape(core), 1);
        if (i == 0) {
            features.add("first", 1);
        }
        return features.build();
    }

    /** The word without leading and trailing characters that are not letters or digits. */
    private static String core(String word)
    {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return start == end ? word : word.substring(start, end);
    }

    /** The trailing punctuation of a word ("" when it ends in a letter or digit). */
    private static String ending(String word)
    {
        int end = word.length();
        while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(end);
    }

    private static String shape(String core)
    {
        boolean digit = core.chars().anyMatch(Character::isDigit);
        boolean innerDot = core.indexOf('.') > 0;
        boolean hyphen = core.indexOf('-') > 0;
        return (digit ? "digit " : "") + (innerDot ? "dotted " : "") + (hyphen ? "hyphen " : "") + "length " + Math.min(core.length(), 10);
    }
}
