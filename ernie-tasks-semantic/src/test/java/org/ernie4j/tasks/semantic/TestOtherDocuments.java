package org.ernie4j.tasks.semantic;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.spi.document.SplitDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-ins' other documents on real addresses: the documents {@link DocumentSource#randomOther} gives, draw for draw,
 * on the document's side of the held-out split, while each document is decoded once however often it is drawn.
 */
class TestOtherDocuments
{
    @Test
    void drawsWhatRandomOtherGivesAndDecodesEachDocumentOnce()
    {
        List<Document> documents = Fixtures.sotu();
        DocumentSource corpus = new TestingDocumentSource(documents);
        AtomicInteger decoded = new AtomicInteger();
        StandInPairs standIn = new StandInPairs(Fixtures.vocabulary());
        OtherDocuments<int[]> titles = new OtherDocuments<>(new SplitDocuments(counting(corpus, decoded), DocumentSource.empty()), standIn::title, 16);
        for (int seed = 0; seed < 200; seed++) {
            for (Document excluded : documents) {
                Optional<int[]> drawn = titles.draw(excluded, new SplittableRandom(seed));
                Optional<int[]> expected = corpus.randomOther(excluded, new SplittableRandom(seed)).map(standIn::title);
                assertThat(drawn.isPresent()).as("a title for seed %d, excluding %s", seed, excluded.id()).isEqualTo(expected.isPresent());
                drawn.ifPresent(title -> assertThat(title).isEqualTo(expected.orElseThrow()));
            }
        }
        assertThat(decoded.get()).as("documents decoded for %d draws", 200 * documents.size()).isLessThanOrEqualTo(documents.size());
    }

    @Test
    void aHeldOutDocumentDrawsAnotherHeldOutDocumentAndATrainingDocumentATrainingOne()
    {
        List<Document> all = Addresses.withFixture();
        List<Document> training = all.subList(0, 4);
        List<Document> heldOut = all.subList(4, all.size());
        OtherDocuments<String> others = new OtherDocuments<>(new SplitDocuments(new TestingDocumentSource(training), new TestingDocumentSource(heldOut)), Document::id, 2);
        for (int seed = 0; seed < 100; seed++) {
            for (Document document : all) {
                List<Document> side = heldOut.contains(document) ? heldOut : training;
                assertThat(others.draw(document, new SplittableRandom(seed))).get().as("drawn for %s", document.id())
                        .isNotEqualTo(document.id()).isIn(side.stream().map(Document::id).toList());
            }
        }
    }

    @Test
    void aSideWithoutAnotherDocumentGivesNothing()
    {
        List<Document> all = Fixtures.sotu();
        OtherDocuments<String> others = new OtherDocuments<>(new SplitDocuments(new TestingDocumentSource(all.subList(0, 2)), new TestingDocumentSource(all.subList(2, 3))),
                Document::id, 8);
        assertThat(others.draw(all.get(2), new SplittableRandom(1))).isEmpty();
        assertThat(others.draw(all.get(0), new SplittableRandom(1))).contains(all.get(1).id());
    }

    private static DocumentSource counting(DocumentSource corpus, AtomicInteger decoded)
    {
        return new DocumentSource()
        {
            @Override
            public int size()
            {
                return corpus.size();
            }

            @Override
            public Document get(int index)
            {
                decoded.incrementAndGet();
                return corpus.get(index);
            }
        };
    }
}
