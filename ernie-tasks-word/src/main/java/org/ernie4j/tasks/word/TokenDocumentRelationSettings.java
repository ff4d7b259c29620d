package org.ernie4j.tasks.word;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of token-document relation, read and validated once when the task joins a run. The keys, their defaults
 * and their meaning are documented on {@link TokenDocumentRelationTask}.
 */
final class TokenDocumentRelationSettings
{
    static final String IGNORE_STOP_WORDS = "ignore-stop-words";
    static final String STOP_WORDS = "stop-words";

    static final boolean DEFAULT_IGNORE_STOP_WORDS = true;

    private final boolean ignoreStopWords;
    private final Set<String> stopWords;

    /**
     * @param stopWords word types (see {@link WordType}) that go without a label when {@code ignoreStopWords} is set
     */
    TokenDocumentRelationSettings(boolean ignoreStopWords, Set<String> stopWords)
    {
        this.ignoreStopWords = ignoreStopWords;
        this.stopWords = Set.copyOf(requireNonNull(stopWords, "stopWords is null"));
    }

    static TokenDocumentRelationSettings defaults()
    {
        return new TokenDocumentRelationSettings(DEFAULT_IGNORE_STOP_WORDS, types(StopWords.english()));
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates the stop words.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static TokenDocumentRelationSettings read(TaskSettings settings)
    {
        requireNonNull(settings, "settings is null");
        boolean ignoreStopWords = settings.getBoolean(IGNORE_STOP_WORDS, DEFAULT_IGNORE_STOP_WORDS);
        List<String> words = settings.getStringList(STOP_WORDS, StopWords.english());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isBlank()) {
                throw settings.invalid(STOP_WORDS, "item " + i + " is blank");
            }
            if (word.strip().codePoints().anyMatch(Character::isWhitespace)) {
                throw settings.invalid(STOP_WORDS, "item " + i + " ('" + word + "') holds white space, but a stop word is a single word");
            }
        }
        return new TokenDocumentRelationSettings(ignoreStopWords, types(words));
    }

    private static Set<String> types(List<String> words)
    {
        Set<String> types = new HashSet<>();
        for (String word : words) {
            types.add(WordType.of(word.strip()));
        }
        return types;
    }

    boolean ignoreStopWords()
    {
        return ignoreStopWords;
    }

    /** The stop words as word types; empty in effect when {@link #ignoreStopWords()} is false. */
    Set<String> stopWords()
    {
        return stopWords;
    }

    /** True when the type goes without a label. */
    boolean isIgnored(String type)
    {
        return ignoreStopWords && stopWords.contains(type);
    }

    @Override
    public String toString()
    {
        return IGNORE_STOP_WORDS + "=" + ignoreStopWords + ", " + STOP_WORDS + "=" + stopWords.size() + " words";
    }
}
