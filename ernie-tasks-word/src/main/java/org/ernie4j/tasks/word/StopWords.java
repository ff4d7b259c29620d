package org.ernie4j.tasks.word;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default English stop words shipped with the plugin ({@code english-stop-words.txt} beside this class): function
 * words that occur in nearly every segment of every document.
 */
final class StopWords
{
    static final String ENGLISH_RESOURCE = "english-stop-words.txt";

    private StopWords()
    {
    }

    /** The shipped English list, read once. */
    static List<String> english()
    {
        return English.WORDS;
    }

    // Initialization-on-demand holder: read on first use, immutable afterwards.
    private static final class English
    {
        static final List<String> WORDS = read(ENGLISH_RESOURCE);
    }

    /** Reads a list beside this class: one word per line; blank lines and lines starting with '#' are left out. */
    private static List<String> read(String resource)
    {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                // Only a broken build can get here: the list is packaged with the class.
                throw new IllegalStateException("stop-word list " + resource + " is missing from the plugin jar");
            }
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return List.copyOf(words);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read stop-word list " + resource, e);
        }
    }
}
