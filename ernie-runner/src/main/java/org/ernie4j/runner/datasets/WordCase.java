package org.ernie4j.runner.datasets;

import java.util.Optional;

/**
 * How a word is cased: {@code lower} (no capital), {@code capitalized} (a capital, then no other: "Congress", "I"),
 * {@code upper} (two or more letters, all capitals: "NATO", "U.S.") or {@code mixed} (anything else: "McKinley").
 * Only letters that have a case count; a word without any has no class.
 */
enum WordCase
{
    LOWER("lower"), CAPITALIZED("capitalized"), UPPER("upper"), MIXED("mixed");

    private final String label;

    WordCase(String label)
    {
        this.label = label;
    }

    String label()
    {
        return label;
    }

    static Optional<WordCase> of(String word)
    {
        int upper = 0;
        int lower = 0;
        boolean firstIsUpper = false;
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            boolean isUpper = Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint);
            boolean isLower = Character.isLowerCase(codePoint);
            if ((isUpper || isLower) && upper + lower == 0) {
                firstIsUpper = isUpper;
            }
            upper += isUpper ? 1 : 0;
            lower += isLower ? 1 : 0;
            i += Character.charCount(codePoint);
        }
        if (upper + lower == 0) {
            return Optional.empty();
        }
        if (upper == 0) {
            return Optional.of(LOWER);
        }
        if (firstIsUpper && upper == 1) {
            return Optional.of(CAPITALIZED);
        }
        return Optional.of(lower == 0 ? UPPER : MIXED);
    }
}
