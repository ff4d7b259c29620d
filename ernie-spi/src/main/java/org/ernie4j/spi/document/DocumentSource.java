package org.ernie4j.spi.document;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The documents of the training corpus, by index. Tasks use it to draw a second document, never to iterate the corpus:
 * the core decides which document each example comes from.
 */
public interface DocumentSource
{
    int size();

    Document get(int index);

    /** A source without documents, such as the held-out documents of a run that holds none out. */
    static DocumentSource empty()
    {
        return new DocumentSource()
        {
            @Override
            public int size()
            {
                return 0;
            }

            @Override
            public Document get(int index)
            {
                throw new IndexOutOfBoundsException("no documents: " + index);
            }
        };
    }

    /**
     * A document drawn uniformly from all others than {@code excluded} (compared by id), or empty when the corpus has no
     * other document.
     */
    default Optional<Document> randomOther(Document excluded, RandomGenerator random)
    {
        int size = size();
        if (size < 2) {
            return Optional.empty();
        }
        // A few rejections are enough in practice; fall back to a scan so that duplicates cannot loop forever.
        for (int attempt = 0; attempt < 16; attempt++) {
            Document candidate = get(random.nextInt(size));
            if (!candidate.id().equals(excluded.id())) {
                return Optional.of(candidate);
            }
        }
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            Document candidate = get((start + i) % size);
            if (!candidate.id().equals(excluded.id())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
