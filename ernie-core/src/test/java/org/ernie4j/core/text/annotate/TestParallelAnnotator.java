package org.ernie4j.core.text.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ernie4j.core.testing.TestingDocuments;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingModels.sotuVocabulary;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

public class TestParallelAnnotator
{
    @Test
    public void outputIsTheSameInTheSameOrderWhateverTheThreads()
    {
        List<RawDocument> documents = paragraphs();

        List<String> oneThread = annotate(documents, 1, sotuVocabulary());
        List<String> twoThreads = annotate(documents, 2, sotuVocabulary());

        assertThat(oneThread).hasSize(documents.size());
        assertThat(twoThreads).isEqualTo(oneThread);
    }

    @Test
    public void statsSumOverThreads()
    {
        List<RawDocument> documents = paragraphs().subList(0, 30);
        List<Document> annotated = new ArrayList<>();
        List<Long> sentencesHandedOver = new ArrayList<>();
        List<Long> sentencesCounted = new ArrayList<>();
        try (ParallelAnnotator annotator = new ParallelAnnotator(
                () -> new DocumentAnnotator(english(), Gazetteer.empty(), sotuVocabulary(), AnnotationOptions.defaults()), 3,
                (document, counted) -> {
                    annotated.add(document);
                    sentencesHandedOver.add(annotated.stream().mapToLong(each -> each.sentences().size()).sum());
                    sentencesCounted.add(counted.sentences());
                })) {
            documents.forEach(annotator::submit);
            annotator.finish();

            assertThat(annotator.stats().documents()).isEqualTo(30);
            assertThat(annotator.stats().sentences()).isEqualTo(annotated.stream().mapToLong(document -> document.sentences().size()).sum());
            assertThat(annotator.stats().tokens()).isEqualTo(annotated.stream()
                    .flatMap(document -> document.sentences().stream())
                    .mapToLong(sentence -> sentence.tokens().size())
                    .sum());
        }
        // With three threads, later documents are annotated while earlier ones are handed over: the counts handed with a
        // document are of the documents handed over up to it, not of those in flight.
        assertThat(sentencesCounted).hasSize(30).isEqualTo(sentencesHandedOver);
    }

    @Test
    public void aFailureNamesTheDocumentAndStopsTheRun()
    {
        Vocabulary failing = new TestingFailingVocabulary(sotuVocabulary(), "Vietnam");
        List<RawDocument> documents = paragraphs().stream().filter(document -> document.id().startsWith(NIXON_1973)).toList();
        String failingId = documents.stream().filter(document -> document.text().contains("Vietnam")).findFirst().orElseThrow().id();

        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> annotate(documents, threads, failing))
                    .isInstanceOf(AnnotationException.class)
                    .hasMessageStartingWith("Cannot annotate document " + failingId)
                    .hasRootCauseMessage("no pieces for Vietnam");
        }
    }

    private static List<String> annotate(List<RawDocument> documents, int threads, Vocabulary vocabulary)
    {
        List<String> rendered = new ArrayList<>();
        try (ParallelAnnotator annotator = new ParallelAnnotator(
                () -> new DocumentAnnotator(english(), Gazetteer.empty(), vocabulary, AnnotationOptions.defaults()),
                threads,
                (document, counted) -> rendered.add(TestingDocuments.render(document)))) {
            documents.forEach(annotator::submit);
            annotator.finish();
        }
        return rendered;
    }

    /** The three addresses cut into documents of a few sentences, of very different lengths. */
    private static List<RawDocument> paragraphs()
    {
        List<RawDocument> documents = new ArrayList<>();
        for (String address : List.of(WASHINGTON_1790, HOOVER_1932, NIXON_1973)) {
            String[] sentences = sotuText(address).split("(?<=\\.) (?=[A-Z])");
            for (int start = 0, size = 1; start < sentences.length; start += size, size = size % 5 + 1) {
                String text = String.join(" ", Arrays.copyOfRange(sentences, start, Math.min(sentences.length, start + size)));
                documents.add(RawDocument.ofText(address + "#" + start, null, text));
            }
        }
        return documents;
    }

    private record TestingFailingVocabulary(WordPieceVocabulary delegate, String failOn)
            implements Vocabulary
    {
        @Override
        public int[] encode(String text)
        {
            if (text.equals(failOn)) {
                throw new IllegalStateException("no pieces for " + text);
            }
            return delegate.encode(text);
        }

        @Override
        public int size()
        {
            return delegate.size();
        }

        @Override
        public int id(String piece)
        {
            return delegate.id(piece);
        }

        @Override
        public String piece(int id)
        {
            return delegate.piece(id);
        }

        @Override
        public int padId()
        {
            return delegate.padId();
        }

        @Override
        public int unkId()
        {
            return delegate.unkId();
        }

        @Override
        public int clsId()
        {
            return delegate.clsId();
        }

        @Override
        public int sepId()
        {
            return delegate.sepId();
        }

        @Override
        public int maskId()
        {
            return delegate.maskId();
        }

        @Override
        public boolean isSpecial(int id)
        {
            return delegate.isSpecial(id);
        }
    }
}
