package org.ernie4j.runner.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Passages of an address: consecutive windows of a fixed number of words (words as whitespace separates them), the
 * last, shorter part dropped, so that no passage can be told from another by its length in words.
 */
final class Passages
{
    private Passages()
    {
    }

    static List<String> windows(String text, int words)
    {
        String[] tokens = text.strip().split("\\s+");
        List<String> passages = new ArrayList<>();
        for (int start = 0; start + words <= tokens.length; start += words) {
            passages.add(String.join(" ", Arrays.asList(tokens).subList(start, start + words)));
        }
        return passages;
    }
}
