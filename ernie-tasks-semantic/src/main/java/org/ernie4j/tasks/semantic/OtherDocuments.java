package org.ernie4j.tasks.semantic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.SplitDocuments;

import static java.util.Objects.requireNonNull;

/**
 * What the stand-ins read of a random other document: for a document of the training corpus, another training document;
 * for a held-out document, another held-out document, so that a held-out example holds no text the model trained on (a
 * side it had seen would give its class away). The draws are {@link DocumentSource#randomOther}'s, random number for
 * random number, on the document's side of the split ({@link SplitDocuments}).
 *
 * <p>A prepared corpus decodes a whole document on every {@code get}, and a State of the Union address decodes into
 * thousands of tokens: for the few pieces a stand-in takes of it that was most of what the fallback cost. So what was read
 * of a document is remembered by side and index, up to {@code remembered} documents a side, the least recently drawn
 * forgotten first.
 */
final class OtherDocuments<T>
{
    private final SplitDocuments split;
    private final Side<T> training;
    private final Side<T> heldOut;

    /**
     * @param reading what is kept of a drawn document
     * @param remembered how many documents' readings each side keeps
     */
    OtherDocuments(SplitDocuments split, Function<Document, T> reading, int remembered)
    {
        requireNonNull(reading, "reading is null");
        if (remembered < 1) {
            throw new IllegalArgumentException("remembered must be positive: " + remembered);
        }
        this.split = requireNonNull(split, "split is null");
        this.training = new Side<>(split.training(), reading, remembered);
        this.heldOut = new Side<>(split.heldOut(), reading, remembered);
    }

    /**
     * What was read of a random document other than {@code document}, from the held-out documents when it is one of them
     * and from the training corpus otherwise; empty when that side has no other document.
     */
    Optional<T> draw(Document document, RandomGenerator random)
    {
        return (split.isHeldOut(document) ? heldOut : training).draw(document, random);
    }

    /** One side of the split, with what was read of its documents by index. */
    private static final class Side<T>
    {
        private final DocumentSource documents;
        private final Function<Document, T> reading;
        private final Map<Integer, Drawn<T>> remembered;

        Side(DocumentSource documents, Function<Document, T> reading, int limit)
        {
            this.documents = documents;
            this.reading = reading;
            this.remembered = new LinkedHashMap<>(256, 0.75f, true)
            {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Drawn<T>> eldest)
                {
                    return size() > limit;
                }
            };
        }

        synchronized Optional<T> draw(Document excluded, RandomGenerator random)
        {
            int size = documents.size();
            if (size < 2) {
                return Optional.empty();
            }
            for (int attempt = 0; attempt < 16; attempt++) {
                Drawn<T> candidate = at(random.nextInt(size));
                if (!candidate.id().equals(excluded.id())) {
                    return Optional.of(candidate.read());
                }
            }
            int start = random.nextInt(size);
            for (int i = 0; i < size; i++) {
                Drawn<T> candidate = at((start + i) % size);
                if (!candidate.id().equals(excluded.id())) {
                    return Optional.of(candidate.read());
                }
            }
            return Optional.empty();
        }

        private Drawn<T> at(int index)
        {
            return remembered.computeIfAbsent(index, ignored -> {
                Document document = documents.get(index);
                return new Drawn<>(document.id(), reading.apply(document));
            });
        }
    }

    /** A document's id and what was read of it. */
    private record Drawn<T>(String id, T read)
    {
    }
}
