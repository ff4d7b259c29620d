package org.ernie4j.tasks.word;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The type of a word for token-document relation: its surface in Unicode compatibility form (NFKC), lower case, with
 * typographic apostrophes made plain. "Union", "UNION" and "union" are one type, as are "ﬁscal" (with a ligature) and
 * "fiscal", full-width "Ｕｎｉｏｎ" and "Union", and "nation’s" and "nation's". Accents are kept: "résumé" is not "resume".
 */
final class WordType
{
    private WordType()
    {
    }

    static String of(String surface)
    {
        // Plain ASCII is already in NFKC; most words of an English corpus skip the normalizer's work.
        String compatible = isAscii(surface) ? surface : Normalizer.normalize(surface, Normalizer.Form.NFKC);
        return compatible.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u02BC', '\'');
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
}
