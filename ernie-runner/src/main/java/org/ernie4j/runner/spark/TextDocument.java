package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.text.corpus.RawDocument;

import static java.util.Objects.requireNonNull;

/**
 * A document as read from the corpus, in the form a partition's records take on the workers ({@link RawDocument} is not
 * serializable, and Spark may need to move records).
 */
final class TextDocument
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String title;
    private final String text;
    private final ArrayList<String> givenSentences;

    private TextDocument(String id, String title, String text, List<String> givenSentences)
    {
        this.id = requireNonNull(id, "id is null");
        this.title = title;
        this.text = requireNonNull(text, "text is null");
        this.givenSentences = new ArrayList<>(requireNonNull(givenSentences, "givenSentences is null"));
    }

    static TextDocument of(RawDocument document)
    {
        return new TextDocument(document.id(), document.title(), document.text(), document.givenSentences());
    }

    String text()
    {
        return text;
    }

    RawDocument raw()
    {
        return new RawDocument(id, title, text, givenSentences);
    }
}
