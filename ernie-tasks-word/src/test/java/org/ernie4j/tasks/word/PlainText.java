package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * A plain, rough annotator of raw English prose for tests, standing in for OpenNLP: it finds sentences, tokens, rough
 * part-of-speech tags, noun-phrase chunks and proper-noun entities, well enough for the word-aware tasks, which need
 * capitalization, words and some spans, but not good linguistics.
 *
 * <ul>
 * <li>Tokens: initialisms such as {@code U.S.}; runs of letters and digits, joined by an inner apostrophe, hyphen, period
 * or comma ({@code don't}, {@code to-day}, {@code 3,000,000}); any other character on its own.</li>
 * <li>Sentences end after {@code .}, {@code !} or {@code ?} (and any closing quotes or brackets right after) when the next token starts
 * with a capital, a digit or an opening quote, unless the period follows a title such as {@code Mr} or a single capital
 * (an initial).</li>
 * <li>Tags: {@code .} without letters or digits, {@code CD} for a number, {@code PRP} for "I", {@code NNP} for a capitalized
 * word that is not the first word of its sentence, {@code NN} otherwise.</li>
 * <li>Entities ({@code PROPER}): runs of {@code NNP} tokens. Chunks ({@code NP}): a determiner followed by up to four
 * words that are no function words, when there is at least one.</li>
 * </ul>
 */
final class PlainText
{
    private static final Pattern TOKEN = Pattern.compile("(?:\\p{L}\\.){2,}|[\\p{L}\\p{N}]+(?:['\u2019.,\\-][\\p{L}\\p{N}]+)*|\\S");
    private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?");
    private static final Set<String> CLOSERS = Set.of("\"", "'", ")", "]", "\u201D", "\u2019");
    private static final Set<String> OPENERS = Set.of("\"", "'", "(", "[", "\u201C", "\u2018");
    private static final Set<String> TITLES = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Gov", "Sen", "Rep", "Hon", "Jr", "Sr", "No");
    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my", "your", "every", "each", "all", "some", "any", "no");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "upon", "and", "or", "but", "nor", "which", "that", "who",
            "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "shall", "may", "can", "would", "should", "must", "not",
            "it", "we", "they", "he", "she", "i", "you");

    private PlainText()
    {
    }

    /** A token of the text: its surface and its character offset. */
    record Word(String surface, int start)
    {
        Word
        {
            requireNonNull(surface, "surface is null");
        }

        int end()
        {
            return start + surface.length();
        }
    }

    static List<Word> words(String text)
    {
        List<Word> words = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start()));
        }
        return words;
    }

    /** The text's tokens grouped into sentences. */
    static List<List<Word>> sentences(String text)
    {
        List<Word> words = words(text);
        List<List<Word>> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!SENTENCE_ENDS.contains(words.get(i).surface()) || (i > 0 && isTitleOrInitial(words.get(i - 1).surface()))) {
                continue;
            }
            int end = i + 1;
            // A straight quote both opens and closes: it closes the sentence only when it follows the mark without a space.
            while (end < words.size() && CLOSERS.contains(words.get(end).surface()) && words.get(end).start() == words.get(end - 1).end()) {
                end++;
            }
            if (end == words.size() || startsSentence(words.get(end).surface())) {
                sentences.add(List.copyOf(words.subList(start, end)));
                start = end;
                i = end - 1;
            }
        }
        if (start < words.size()) {
            sentences.add(List.copyOf(words.subList(start, words.size())));
        }
        return sentences;
    }

    /** The text as an annotated document with pieces of the vocabulary. */
    static Document document(String id, String text, Vocabulary vocabulary)
    {
        List<Sentence> sentences = new ArrayList<>();
        for (List<Word> words : sentences(text)) {
            sentences.add(sentence(text, words, vocabulary));
        }
        return new Document(id, null, sentences);
    }

    private static Sentence sentence(String text, List<Word> words, Vocabulary vocabulary)
    {
        int start = words.get(0).start();
        List<Token> tokens = new ArrayList<>();
        boolean first = true;
        for (Word word : words) {
            boolean isWord = word.surface().codePoints().anyMatch(Character::isLetterOrDigit);
            tokens.add(new Token(word.surface(), word.start(), pos(word.surface(), first && isWord), pieces(word.surface(), vocabulary)));
            first &= !isWord;
        }
        return new Sentence(text.substring(start, words.get(words.size() - 1).end()), start, tokens, chunks(tokens), entities(tokens));
    }

    private static String pos(String surface, boolean sentenceInitial)
    {
        int first = surface.codePointAt(0);
        if (surface.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return ".";
        }
        if (Character.isDigit(first)) {
            return "CD";
        }
        if (surface.equals("I")) {
            return "PRP";
        }
        return Character.isUpperCase(first) && !sentenceInitial ? "NNP" : "NN";
    }

    private static int[] pieces(String surface, Vocabulary vocabulary)
    {
        int[] ids = vocabulary.encode(surface);
        return ids.length == 0 ? new int[] {vocabulary.unkId()} : ids;
    }

    private static List<Span> entities(List<Token> tokens)
    {
        List<Span> entities = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int end = i;
            while (end < tokens.size() && tokens.get(end).pos().equals("NNP")) {
                end++;
            }
            if (end > i) {
                entities.add(new Span(i, end, "PROPER"));
                i = end;
            }
            else {
                i++;
            }
        }
        return entities;
    }

    private static List<Span> chunks(List<Token> tokens)
    {
        List<Span> chunks = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!DETERMINERS.contains(lower(tokens.get(i)))) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && end - i <= 4 && isContentWord(tokens.get(end))) {
                end++;
            }
            if (end > i + 1) {
                chunks.add(new Span(i, end, "NP"));
                i = end - 1;
            }
        }
        return chunks;
    }

    private static boolean isContentWord(Token token)
    {
        String word = lower(token);
        return token.surface().codePoints().anyMatch(Character::isLetter) && !DETERMINERS.contains(word) && !FUNCTION_WORDS.contains(word);
    }

    private static String lower(Token token)
    {
        return token.surface().toLowerCase(Locale.ROOT);
    }

    private static boolean isTitleOrInitial(String surface)
    {
        return TITLES.contains(surface) || (surface.length() == 1 && Character.isUpperCase(surface.charAt(0)));
    }

    private static boolean startsSentence(String surface)
    {
        int first = surface.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || OPENERS.contains(surface);
    }
}
