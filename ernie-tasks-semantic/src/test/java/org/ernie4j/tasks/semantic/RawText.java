package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and sentences of raw State of the Union text, for tests: a word is a run of letters and digits or any other
 * visible character on its own (so "that's" is {@code that ' s} and "However," is {@code However ,}), and a sentence
 * ends at a word {@code .}, {@code !} or {@code ?} followed by a word that starts with a capital or a digit, unless the
 * word before the stop is a known abbreviation or an initial. Good enough for these addresses, not a general tool.
 */
final class RawText
{
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");
    private static final Set<String> STOPS = Set.of(".", "!", "?");
    private static final Set<String> CLOSING = Set.of("\"", "'", ")");
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Gov", "No", "Messrs", "Hon", "Mt", "Sen");

    private RawText()
    {
    }

    /** The words of a text, in order. */
    static List<String> words(String text)
    {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** The sentences of a text, each as its words. */
    static List<List<String>> sentences(String text)
    {
        List<String> words = words(text);
        List<List<String>> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!STOPS.contains(words.get(i)) || isAbbreviation(words, i)) {
                continue;
            }
            int end = i + 1;
            while (end < words.size() && CLOSING.contains(words.get(end))) {
                end++;
            }
            if (end < words.size() && !startsSentence(words.get(end))) {
                continue;
            }
            sentences.add(List.copyOf(words.subList(start, end)));
            start = end;
            i = end - 1;
        }
        if (start < words.size()) {
            sentences.add(List.copyOf(words.subList(start, words.size())));
        }
        return sentences;
    }

    private static boolean isAbbreviation(List<String> words, int stop)
    {
        if (!words.get(stop).equals(".") || stop == 0) {
            return false;
        }
        String before = words.get(stop - 1);
        return ABBREVIATIONS.contains(before) || (before.length() == 1 && Character.isUpperCase(before.charAt(0)));
    }

    private static boolean startsSentence(String word)
    {
        int first = word.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || word.equals("\"") || word.equals("(");
    }
}
