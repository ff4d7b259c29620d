package org.ernie4j.runner.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of English prose by a rule: a sentence ends at {@code .}, {@code !} or {@code ?} (a closing quote or bracket
 * may follow) before white space and a capital letter, unless the word ending there is a title or initials ("Mr.",
 * "U.S."). It runs on the cased text, before the lower-casing it is used for. An abbreviation it does not know
 * ("Sgt. York") ends a sentence too early. Pre-training's annotation splits with OpenNLP's sentence model (in the core's
 * public API as {@code OpenNlpModels.newSentenceDetector()}); the two were not compared, and using OpenNLP here too
 * would make recase's sentences those the pre-training tasks saw.
 */
final class Sentences
{
    private static final Pattern BOUNDARY = Pattern.compile("[.!?][\"')\\]\u201D\u2019]?\\s+(?=[\"'(\\[\u201C\u2018]?\\p{Lu})");
    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)*\\p{L}");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "gov", "sen", "rep", "hon", "jr", "sr",
            "no", "vs", "messrs", "capt", "maj", "adm", "rev", "prof", "ft", "mt");

    private Sentences()
    {
    }

    static List<String> split(String text)
    {
        List<String> sentences = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(text);
        int start = 0;
        while (boundary.find()) {
            if (abbreviation(text, boundary.start())) {
                continue;
            }
            add(sentences, text.substring(start, boundary.end()));
            start = boundary.end();
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    /** Whether the word that ends at {@code dot} is a title or initials rather than the end of a sentence. */
    private static boolean abbreviation(String text, int dot)
    {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).replaceAll("^[\"'(\\[\u201C\u2018]+", "");
        return TITLES.contains(word.toLowerCase(Locale.ROOT)) || INITIALS.matcher(word).matches();
    }

    private static void add(List<String> sentences, String sentence)
    {
        if (!sentence.isBlank()) {
            sentences.add(sentence.strip());
        }
    }
}
