package org.ernie4j.core.text.wordpiece;

import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * How a BERT-family model's text is normalised before WordPiece, as Hugging Face's {@code BertNormalizer} and
 * {@code WordPiece} settings in a {@code tokenizer.json} say it. ernie4j's own vocabularies use {@link #UNCASED}.
 *
 * @param cleanText drop control characters, NUL and U+FFFD, and make every white space a space
 * @param splitCjk put CJK ideographs apart, as words of their own
 * @param stripAccents decompose (NFD) and drop combining marks
 * @param lowercase lower-case character by character (a capital sigma is always a small sigma, never a final one)
 * @param maxWordLength characters a word may have before it becomes {@code [UNK]} as a whole
 * @param maxLength the longest input in pieces the tokenizer cuts to ({@code [CLS]} and {@code [SEP]} included); empty
 *     for the model's position table
 */
@PublicApi
public record TokenizerSettings(boolean cleanText, boolean splitCjk, boolean stripAccents, boolean lowercase, int maxWordLength,
        OptionalInt maxLength)
{
    /** Uncased BERT's: everything on, words of up to 100 characters. */
    public static final TokenizerSettings UNCASED = new TokenizerSettings(true, true, true, true, 100, OptionalInt.empty());

    public TokenizerSettings
    {
        requireNonNull(maxLength, "maxLength is null");
        if (maxWordLength < 1) {
            throw new IllegalArgumentException("the longest word must have at least one character: " + maxWordLength);
        }
        if (maxLength.isPresent() && maxLength.getAsInt() < 2) {
            throw new IllegalArgumentException("an input needs room for [CLS] and [SEP]: max length " + maxLength.getAsInt());
        }
    }

    /** Whether text becomes the same pieces under both settings (the maximum length aside). */
    public boolean splitsAs(TokenizerSettings other)
    {
        return cleanText == other.cleanText && splitCjk == other.splitCjk && stripAccents == other.stripAccents && lowercase == other.lowercase
                && maxWordLength == other.maxWordLength;
    }

    @Override
    public String toString()
    {
        return (lowercase ? "lower-cased" : "cased") + ", accents " + (stripAccents ? "stripped" : "kept") + ", CJK ideographs "
                + (splitCjk ? "apart" : "in words") + ", control characters " + (cleanText ? "dropped" : "kept") + ", words of up to "
                + maxWordLength + " characters" + (maxLength.isPresent() ? ", inputs of up to " + maxLength.getAsInt() + " pieces" : "");
    }
}
