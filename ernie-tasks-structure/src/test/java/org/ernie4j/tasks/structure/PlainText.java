package org.ernie4j.tasks.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain sentence splitter and word tokenizer for the raw addresses of the tests: enough for State of the Union prose,
 * not a general tool. Words are runs of letters and digits, and every other visible character is a word of its own, as
 * BERT's basic tokenizer splits them, so that each word is exactly one piece of a vocabulary holding them all.
 */
final class PlainText
{
    // A sentence ends at . ! or ?, possibly followed by a closing quote or bracket, before a space and a capital or digit.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')]?\\s+(?=[\"'(]?[A-Z0-9])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");
    private static final Pattern LAST_WORD = Pattern.compile("(\\S+)[.!?][\"')]?\\s+$");
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Gov", "No", "U.S", "Messrs");

    private PlainText()
    {
    }

    /** The sentences of a text, trimmed, in order. */
    static List<String> sentences(String text)
    {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            if (isAbbreviation(text.substring(start, end.end()))) {
                continue;
            }
            add(text.substring(start, end.end()), sentences);
            start = end.end();
        }
        add(text.substring(start), sentences);
        return sentences;
    }

    /** The words of a sentence. */
    static List<String> words(String sentence)
    {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(sentence);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static boolean isAbbreviation(String candidate)
    {
        Matcher last = LAST_WORD.matcher(candidate);
        if (!last.find()) {
            return false;
        }
        String word = last.group(1);
        // A single capital is an initial, as in "Franklin D. Roosevelt".
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static void add(String sentence, List<String> sentences)
    {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
