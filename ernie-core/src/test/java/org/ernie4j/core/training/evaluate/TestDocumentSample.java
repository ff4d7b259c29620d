package org.ernie4j.core.training.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDocumentSample
{
    @Test
    void allocationTakesOneFromEveryDocumentInTurn()
    {
        // Turn 1 takes from documents 0, 2, 3 (1 has none): 3 taken; turn 2 from 0 and 3: 5; turn 3 from 0: 6, enough.
        assertThat(DocumentSample.allocate(new int[] {3, 0, 1, 5}, 6)).containsExactly(3, 0, 1, 2);
        assertThat(DocumentSample.allocate(new int[] {3, 0, 1, 5}, 100)).containsExactly(3, 0, 1, 5);
        assertThat(DocumentSample.allocate(new int[] {2, 2}, 3)).containsExactly(2, 1);
        assertThat(DocumentSample.allocate(new int[] {}, 3)).isEmpty();
    }

    @Test
    void examplesComeFromEveryDocumentInTurnAndTheSameEveryTime()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        int documents = corpus.size();
        LabelGenerator sentences = oneExamplePerSentence(corpus);
        int wanted = documents + 3;

        DocumentSample sample = DocumentSample.draw(sentences, corpus, wanted, 64, 11, 5);

        assertThat(sample.examples()).hasSize(wanted);
        assertThat(sample.documents()).isEqualTo(documents);
        int[] documentOf = sample.documentOf();
        // The first turn visits every document once, in order; the second starts again at the first.
        for (int i = 0; i < documents; i++) {
            assertThat(documentOf[i]).isEqualTo(i);
        }
        assertThat(documentOf[documents]).isZero();
        // Each example is one of its document's own (the label is the document's index).
        for (int i = 0; i < wanted; i++) {
            assertThat(((SequenceLabel) sample.examples().get(i).target()).label()).isEqualTo(documentOf[i] % 2);
        }
        // Deterministic: the same seed gives the same examples; another gives the same documents but other sentences.
        assertThat(DocumentSample.draw(sentences, corpus, wanted, 64, 11, 5).examples()).isEqualTo(sample.examples());
        assertThat(DocumentSample.draw(sentences, corpus, wanted, 64, 12, 5).examples()).isNotEqualTo(sample.examples());
    }

    @Test
    void moreDocumentsThanWantedGiveOneExampleEachFromASeededChoice()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(1);
        DocumentSample sample = DocumentSample.draw(oneExamplePerSentence(corpus), corpus, 5, 64, 3, 5);
        assertThat(sample.examples()).hasSize(5);
        assertThat(sample.documents()).isEqualTo(5);
        // Documents whose only sentence is too long give nothing: others are visited until five have given one each.
        assertThat(sample.documentOf()).doesNotHaveDuplicates();
        assertThat(sample.documentOf()).isNotEqualTo(new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void examplesLongerThanTheMaximumAreLeftOut()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        DocumentSample sample = DocumentSample.draw(oneExamplePerSentence(corpus), corpus, 1000, 12, 3, 5);
        assertThat(sample.examples()).allSatisfy(example -> assertThat(example.length()).isLessThanOrEqualTo(12));
        assertThat(sample.examples().size()).isLessThan(DocumentSample.draw(oneExamplePerSentence(corpus), corpus, 1000, 64, 3, 5).examples().size());
    }

    /** One example per sentence, labelled with the parity of its document's place in the corpus. */
    private static LabelGenerator oneExamplePerSentence(TestingCorpus corpus)
    {
        return (document, random) -> {
            int label = corpus.documents().indexOf(document) % 2;
            List<Example> examples = new ArrayList<>();
            document.sentences().forEach(sentence -> {
                InputBuilder input = InputBuilder.start(corpus.vocabulary(), 200);
                sentence.tokens().forEach(token -> input.add(token.pieceId(0)));
                examples.add(input.separator().build(new SequenceLabel(label)));
            });
            return examples;
        };
    }
}
