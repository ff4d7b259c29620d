package org.ernie4j.spi.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ernie4j.testkit.TestingDocumentSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDocumentSource
{
    private static Document document(String id)
    {
        return new Document(id, null, List.of());
    }

    @Test
    void theEmptySourceHasNoDocumentToGiveOrDraw()
    {
        DocumentSource empty = DocumentSource.empty();
        assertThat(empty.size()).isZero();
        assertThat(empty.randomOther(document("a"), new SplittableRandom(1))).isEmpty();
        assertThatThrownBy(() -> empty.get(0)).isInstanceOf(IndexOutOfBoundsException.class).hasMessage("no documents: 0");
    }

    @Test
    void neverDrawsTheExcludedDocument()
    {
        DocumentSource source = new TestingDocumentSource(List.of(document("a"), document("b"), document("c")));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            assertThat(source.randomOther(document("b"), random)).get().extracting(Document::id).isNotEqualTo("b");
        }
    }

    @Test
    void drawsEveryOtherDocumentSometimes()
    {
        DocumentSource source = new TestingDocumentSource(List.of(document("a"), document("b"), document("c")));
        SplittableRandom random = new SplittableRandom(2);
        assertThat(IntStream.range(0, 100).mapToObj(i -> source.randomOther(document("a"), random).orElseThrow().id()))
                .containsOnly("b", "c").contains("b", "c");
    }

    @Test
    void isEmptyWhenNoOtherDocumentExists()
    {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(new TestingDocumentSource(List.of()).randomOther(document("a"), random)).isEmpty();
        assertThat(new TestingDocumentSource(List.of(document("a"))).randomOther(document("a"), random)).isEmpty();
        // Copies of the excluded document (same id) count as the same document, even when they are all there is.
        Optional<Document> other = new TestingDocumentSource(List.of(document("a"), document("a"), document("a"))).randomOther(document("a"), random);
        assertThat(other).isEmpty();
    }

    @Test
    void findsTheOnlyOtherDocumentAmongManyCopies()
    {
        // Rejection sampling gives up after a few draws; the fallback scan must still find the single other document.
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            documents.add(document("same"));
        }
        documents.add(document("other"));
        DocumentSource source = new TestingDocumentSource(documents);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 20; i++) {
            assertThat(source.randomOther(document("same"), random)).get().extracting(Document::id).isEqualTo("other");
        }
    }

    @Test
    void isDeterministicForASeed()
    {
        DocumentSource source = new TestingDocumentSource(List.of(document("a"), document("b"), document("c"), document("d")));
        SplittableRandom first = new SplittableRandom(5);
        SplittableRandom second = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            assertThat(source.randomOther(document("a"), first)).isEqualTo(source.randomOther(document("a"), second));
        }
    }
}
