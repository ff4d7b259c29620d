package org.ernie4j.core.text.wordpiece;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The first, vocabulary-free step of BERT tokenization, as Hugging Face's {@code BertNormalizer} and
 * {@code BertPreTokenizer} do it: drop control characters, split on white space, put CJK ideographs apart, decompose
 * (NFD) and drop combining marks, lower-case character by character, and split punctuation off as single characters;
 * each step where its {@link TokenizerSettings} say so. The words it yields are what WordPiece splits into pieces and
 * what the trainer counts.
 */
public final class BasicTokenizer
{
    private final TokenizerSettings settings;

    /** Uncased BERT's tokenizer. */
    public BasicTokenizer()
    {
        this(TokenizerSettings.UNCASED);
    }

    public BasicTokenizer(TokenizerSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

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
            if (settings.cleanText() && (codePoint == 0 || codePoint == 0xFFFD || isControl(codePoint))) {
                continue;
            }
            if (isWhitespace(codePoint)) {
                flush(word, consumer);
            }
            else if (settings.splitCjk() && isCjkIdeograph(codePoint)) {
                flush(word, consumer);
                consumer.accept(Character.toString(codePoint));
            }
            else {
                word.appendCodePoint(codePoint);
            }
        }
        flush(word, consumer);
    }

    private void flush(StringBuilder word, Consumer<String> consumer)
    {
        if (word.isEmpty()) {
            return;
        }
        String normalized = normalize(word.toString(), settings);
        word.setLength(0);
        splitPunctuation(normalized, consumer);
    }

    /** Uncased BERT's normalisation: "Élysée" becomes "elysee". */
    public static String normalize(String word)
    {
        return normalize(word, TokenizerSettings.UNCASED);
    }

    /** NFD with combining marks removed, then lower case, as the settings say (in Hugging Face's order). */
    static String normalize(String word, TokenizerSettings settings)
    {
        if (isAscii(word)) {
            return settings.lowercase() ? word.toLowerCase(Locale.ROOT) : word;
        }
        String text = word;
        if (settings.stripAccents()) {
            String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
            StringBuilder stripped = new StringBuilder(decomposed.length());
            for (int i = 0; i < decomposed.length(); ) {
                int codePoint = decomposed.codePointAt(i);
                i += Character.charCount(codePoint);
                if (Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                    stripped.appendCodePoint(codePoint);
                }
            }
            text = stripped.toString();
        }
        return settings.lowercase() ? lowerCaseEachCharacter(text) : text;
    }

    /**
     * Each character lower-cased on its own, as Hugging Face's tokenizers (Rust's {@code char::to_lowercase}) do.
     * {@link String#toLowerCase} looks at the neighbours: it makes a word-final capital sigma a final sigma (ς), which
     * the model's vocabulary does not expect ("ΟΔΟΣ" must give "οδοσ").
     */
    private static String lowerCaseEachCharacter(String text)
    {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            // One character alone has no context; the string form keeps full mappings such as İ to i and a combining dot.
            lower.append(Character.toString(codePoint).toLowerCase(Locale.ROOT));
        }
        return lower.toString();
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
        int type = Character.getType(codePoint);
        // Unicode's White_Space, as Rust's char::is_whitespace (with clean-text on, the control characters among them are dropped first).
        return codePoint == ' ' || codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || codePoint == 0x0B || codePoint == 0x0C
                || codePoint == 0x85 || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    static boolean isControl(int codePoint)
    {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return false;
        }
        // Rust's char::is_other, as Hugging Face's normalizer uses it: unassigned and private-use characters go too.
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
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
