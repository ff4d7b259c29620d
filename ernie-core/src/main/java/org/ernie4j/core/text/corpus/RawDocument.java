package org.ernie4j.core.text.corpus;

import java.util.List;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * A document as read from the corpus, before annotation.
 *
 * @param id unique within the corpus
 * @param title the title when the corpus gives one, or null
 * @param text the document text; every character offset computed later points into it
 * @param givenSentences the sentences when the corpus layout already separates them (BERT layout), otherwise empty; when
 * present, {@code text} is exactly these sentences joined by line feeds
 */
@PublicApi
public record RawDocument(String id, String title, String text, List<String> givenSentences)
{
    public RawDocument
    {
        requireNonNull(id, "id is null");
        requireNonNull(text, "text is null");
        givenSentences = List.copyOf(requireNonNull(givenSentences, "givenSentences is null"));
        // Offsets of given sentences are derived from this layout, so it must hold exactly.
        if (!givenSentences.isEmpty() && !text.equals(String.join("\n", givenSentences))) {
            throw new IllegalArgumentException("text of document " + id + " is not its given sentences joined by line feeds");
        }
    }

    /** A document of unsplit text. */
    public static RawDocument ofText(String id, String title, String text)
    {
        return new RawDocument(id, title, text, List.of());
    }

    /** A document whose sentences the corpus already separates; its text is the sentences joined by line feeds. */
    public static RawDocument ofSentences(String id, String title, List<String> sentences)
    {
        return new RawDocument(id, title, String.join("\n", sentences), sentences);
    }

    public boolean hasGivenSentences()
    {
        return !givenSentences.isEmpty();
    }
}
