package org.ernie4j.tasks.semantic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * The stand-in title of a random other document of the corpus, for the {@code document-titles} fallback's negative pairs.
 * A prepared corpus decodes a whole document on every {@code get}, and a State of the Union address decodes into
 * thousands of tokens: for the few pieces of its title that was most of what the fallback cost. So the titles drawn are
 * remembered by index (up to {@value #REMEMBERED} documents, the least recently drawn forgotten first). The draws are
 * {@link DocumentSource#randomOther}'s, random number for random number, so the pairs are the ones it gives.
 */
final class OtherTitles
{
    static final int REMEMBERED = 65_536;

    private final DocumentSource corpus;
    private final StandInPairs standIn;
    private final Map<Integer, Drawn> remembered = new LinkedHashMap<>(256, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Drawn> eldest)
        {
            return size() > REMEMBERED;
        }
    };

    /** A document's id and stand-in title (empty when it has no text for one). */
    private record Drawn(String id, int[] title)
    {
    }

    OtherTitles(DocumentSource corpus, StandInPairs standIn)
    {
        this.corpus = requireNonNull(corpus, "corpus is null");
        this.standIn = requireNonNull(standIn, "standIn is null");
    }

    /**
     * The title of a random document other than {@code excluded}; empty when the corpus has no other document, or when
     * the one drawn has no text for a title.
     */
    synchronized Optional<int[]> draw(Document excluded, RandomGenerator random)
    {
        int size = corpus.size();
        if (size < 2) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            Drawn candidate = at(random.nextInt(size));
            if (!candidate.id().equals(excluded.id())) {
                return titleOf(candidate);
            }
        }
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            Drawn candidate = at((start + i) % size);
            if (!candidate.id().equals(excluded.id())) {
                return titleOf(candidate);
            }
        }
        return Optional.empty();
    }

    private Drawn at(int index)
    {
        return remembered.computeIfAbsent(index, ignored -> {
            Document document = corpus.get(index);
            return new Drawn(document.id(), standIn.title(document));
        });
    }

    private static Optional<int[]> titleOf(Drawn drawn)
    {
        return drawn.title().length == 0 ? Optional.empty() : Optional.of(drawn.title());
    }
}
