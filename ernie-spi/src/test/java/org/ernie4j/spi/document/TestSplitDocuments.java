package org.ernie4j.spi.document;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSplitDocuments
{
    private static DocumentSource source(String... ids)
    {
        List<Document> documents = Arrays.stream(ids).map(id -> new Document(id, null, List.of())).toList();
        return new DocumentSource()
        {
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
        };
    }

    @Test
    void drawsADocumentsOtherFromItsOwnSide()
    {
        SplitDocuments split = new SplitDocuments(source("t1", "t2", "t3"), source("h1", "h2"));
        Document heldOut = new Document("h1", null, List.of());
        Document training = new Document("t1", null, List.of());
        assertThat(split.isHeldOut(heldOut)).isTrue();
        assertThat(split.isHeldOut(training)).isFalse();
        Set<String> fromHeldOut = new HashSet<>();
        Set<String> fromTraining = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            fromHeldOut.add(split.randomOther(heldOut, random).orElseThrow().id());
            fromTraining.add(split.randomOther(training, random).orElseThrow().id());
        }
        assertThat(fromHeldOut).containsExactly("h2");
        assertThat(fromTraining).containsExactlyInAnyOrder("t2", "t3");
    }

    @Test
    void drawsForATrainingDocumentExactlyAsTheTrainingSourceDoes()
    {
        DocumentSource training = source("t1", "t2", "t3", "t4");
        SplitDocuments split = new SplitDocuments(training, source("h1"));
        Document document = new Document("t2", null, List.of());
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) {
            assertThat(split.randomOther(document, a)).isEqualTo(training.randomOther(document, b));
        }
    }

    @Test
    void aHeldOutSideOfOneDocumentHasNoOther()
    {
        SplitDocuments split = new SplitDocuments(source("t1", "t2"), source("h1"));
        assertThat(split.randomOther(new Document("h1", null, List.of()), new SplittableRandom(2))).isEmpty();
        assertThat(new SplitDocuments(source("t1", "t2"), DocumentSource.empty()).isHeldOut(new Document("t1", null, List.of()))).isFalse();
    }
}
