package org.ernie4j.testkit;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * A {@link DocumentSource} over a list of documents in memory.
 */
public final class TestingDocumentSource
        implements DocumentSource
{
    private final List<Document> documents;

    public TestingDocumentSource(List<Document> documents)
    {
        this.documents = List.copyOf(requireNonNull(documents, "documents is null"));
    }

    @Override
    public int size()
    {
        return documents.size();
    }

    @Override
    public Document get(int index)
    {
        return documents.get(index);
    }

    public List<Document> documents()
    {
        return documents;
    }
}
