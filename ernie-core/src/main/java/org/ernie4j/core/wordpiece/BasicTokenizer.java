package org.ernie4j.core.wordpiece;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The first, vocabulary-free step of uncased BERT tokenization: drop control characters, split on white space, put
 * CJK ideographs apart, lower-case, decompose (NFD) and drop combining marks, and split punctuation off as single
 * characters. The words it yields are what WordPiece splits into pieces and what the trainer counts.
 */
public final class BasicTokenizer
{
    /** The normalised words and punctuation marks of a text, in order. */
    public List<String> split(String text)
    {
        List<String> words = new ArrayList<>();
        split(text, words::add);
        return words;
    }

    /** Hands the normalised words and punctuation marks of a text, in order, to a consumer. */
    public void split(String text, Consumer<String> consumer)
    {
        StringBuilder word = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == 0 || codePoint == 0xFFFD || isControl(codePoint)) {
                continue;
            }
            if (isWhitespace(codePoint)) {
                flush(word, consumer);
            }
            else if (isCjkIdeograph(codePoint)) {
                flush(word, consumer);
                consumer.accept(Character.toString(codePoint));
            }
            else {
                word.appendCodePoint(codePoint);
            }
        }
        flush(word, consumer);
    }

    private static void flush(StringBuilder word, Consumer<String> consumer)
    {
        if (word.isEmpty()) {
            return;
        }
        String normalized = normalize(word.toString());
        word.setLength(0);
        splitPunctuation(normalized, consumer);
    }

    /** Lower case, then NFD with combining marks removed: "Élysée" becomes "elysee". */
    public static String normalize(String word)
    {
        String lower = word.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                stripped.appendCodePoint(codePoint);
            }
        }
        return stripped.toString();
    }

    private static void splitPunctuation(String word, Consumer<String> consumer)
    {
        int start = 0;
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (isPunctuation(codePoint)) {
                if (start < i) {
                    consumer.accept(word.substring(start, i));
                }
                consumer.accept(word.substring(i, next));
                start = next;
            }
            i = next;
        }
        if (start < word.length()) {
            consumer.accept(start == 0 ? word : word.substring(start));
        }
    }

    private static boolean isAscii(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(int codePoint)
    {
        return codePoint == ' ' || codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
                || Character.getType(codePoint) == Character.SPACE_SEPARATOR;
    }

    static boolean isControl(int codePoint)
    {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** All non-alphanumeric printable ASCII characters (such as $ and ^), and Unicode punctuation. */
    static boolean isPunctuation(int codePoint)
    {
        if ((codePoint >= 33 && codePoint <= 47) || (codePoint >= 58 && codePoint <= 64)
                || (codePoint >= 91 && codePoint <= 96) || (codePoint >= 123 && codePoint <= 126)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks, as BERT defines them; Japanese kana and Korean hangul are not among them. */
    static boolean isCjkIdeograph(int codePoint)
    {
        return (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x20000 && codePoint <= 0x2A6DF)
                || (codePoint >= 0x2A700 && codePoint <= 0x2B73F)
                || (codePoint >= 0x2B740 && codePoint <= 0x2B81F)
                || (codePoint >= 0x2B820 && codePoint <= 0x2CEAF)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0x2F800 && codePoint <= 0x2FA1F);
    }
}
