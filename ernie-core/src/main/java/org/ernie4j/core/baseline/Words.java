package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lower-cased words of a text: runs of letters and digits, everything else a separator. The baseline's view of a
 * text, deliberately plain: what it decides, surface words decide.
 */
final class Words
{
    private Words()
    {
    }

    static List<String> of(String text)
    {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            }
            else if (!inWord && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }
}
