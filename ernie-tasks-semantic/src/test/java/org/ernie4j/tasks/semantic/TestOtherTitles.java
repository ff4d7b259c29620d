package org.ernie4j.tasks.semantic;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback's other-document titles on the annotated State of the Union fixture: the same titles, draw for draw, as
 * {@link DocumentSource#randomOther} followed by the stand-in title, while each document is decoded once however often
 * it is drawn.
 */
class TestOtherTitles
{
    @Test
    void drawsTheTitlesRandomOtherGivesAndDecodesEachDocumentOnce()
    {
        List<Document> documents = Fixtures.sotu();
        DocumentSource corpus = new TestingDocumentSource(documents);
        AtomicInteger decoded = new AtomicInteger();
        DocumentSource counted = new DocumentSource()
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
        StandInPairs standIn = new StandInPairs(Fixtures.vocabulary());
        OtherTitles titles = new OtherTitles(counted, standIn);
        for (int seed = 0; seed < 200; seed++) {
            for (Document excluded : documents) {
                Optional<int[]> drawn = titles.draw(excluded, new SplittableRandom(seed));
                Optional<int[]> expected = corpus.randomOther(excluded, new SplittableRandom(seed)).map(standIn::title).filter(title -> title.length > 0);
                assertThat(drawn.isPresent()).as("a title for seed %d, excluding %s", seed, excluded.id()).isEqualTo(expected.isPresent());
                drawn.ifPresent(title -> assertThat(title).isEqualTo(expected.orElseThrow()));
            }
        }
        assertThat(decoded.get()).as("documents decoded for %d draws", 200 * documents.size()).isLessThanOrEqualTo(documents.size());
    }
}
