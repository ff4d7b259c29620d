package org.ernie4j.spi.document;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An annotated document: its sentences in order, with an id that is unique within the corpus.
 */
public final class Document
{
    private final String id;
    private final String title;
    private final List<Sentence> sentences;

    /**
     * @param id unique within the corpus, such as the file name or the JSONL {@code id}
     * @param title the document's title when the corpus gives one, or null
     * @param sentences in document order
     */
    public Document(String id, String title, List<Sentence> sentences)
    {
        this.id = requireNonNull(id, "id is null");
        this.title = title;
        this.sentences = List.copyOf(requireNonNull(sentences, "sentences is null"));
    }

    public String id()
    {
        return id;
    }

    public Optional<String> title()
    {
        return Optional.ofNullable(title);
    }

    public List<Sentence> sentences()
    {
        return sentences;
    }

    /** The number of word pieces in all sentences. */
    public int pieceCount()
    {
        int count = 0;
        for (Sentence sentence : sentences) {
            count += sentence.pieceCount();
        }
        return count;
    }

    @Override
    public String toString()
    {
        return "Document[" + id + ", " + sentences.size() + " sentences]";
    }
}
