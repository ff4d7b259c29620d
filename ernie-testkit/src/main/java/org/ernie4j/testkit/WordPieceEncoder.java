package org.ernie4j.testkit;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * BERT's uncased tokenization of free text into WordPiece strings, for {@link TestingVocabulary}.
 */
final class WordPieceEncoder
{
    static final String UNKNOWN = "[UNK]";

    // BERT gives up on very long "words" (URLs, base64) rather than piecing them character by character.
    private static final int MAX_WORD_LENGTH = 100;

    private final Predicate<String> known;

    WordPieceEncoder(Predicate<String> known)
    {
        this.known = requireNonNull(known, "known is null");
    }

    List<String> encode(String text)
    {
        List<String> pieces = new ArrayList<>();
        for (String word : words(text)) {
            pieceWord(word, pieces);
        }
        return pieces;
    }

    /** Lower-cased, accent-free words, with punctuation and CJK characters as words of their own. */
    static List<String> words(String text)
    {
        String normalized = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, words);
            }
            else if (isPunctuation(c) || isCjk(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            }
            else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    private void pieceWord(String word, List<String> pieces)
    {
        if (word.codePointCount(0, word.length()) > MAX_WORD_LENGTH) {
            pieces.add(UNKNOWN);
            return;
        }
        List<String> wordPieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            String match = null;
            int end = word.length();
            while (end > start) {
                String candidate = (start == 0 ? "" : "##") + word.substring(start, end);
                if (known.test(candidate)) {
                    match = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                // Like BERT: a word with any unmatched remainder is unknown as a whole, not partly.
                pieces.add(UNKNOWN);
                return;
            }
            wordPieces.add(match);
            start = end;
        }
        pieces.addAll(wordPieces);
    }

    private static void flush(StringBuilder word, List<String> words)
    {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isControl(int c)
    {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isPunctuation(int c)
    {
        // BERT treats all non-alphanumeric ASCII symbols as punctuation ("$", "^", "`"), not only Unicode's P* classes.
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjk(int c)
    {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
