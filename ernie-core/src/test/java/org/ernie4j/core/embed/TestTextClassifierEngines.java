package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiConsumer;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * TextClassifier on the fused engine gives the SameDiff graph's probabilities within float rounding, and the same labels,
 * for sentences and sentence pairs of the test addresses, and the same word labels for a token classifier.
 */
class TestTextClassifierEngines
{
    @Test
    void sequenceProbabilitiesAreTheGraphs()
    {
        List<String> labels = List.of("1790", "1932", "1973");
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(1));
        withBothEngines(FinetuneKind.SEQUENCE, labels, (fused, graph) -> {
            assertThat(fused.engine()).isEqualTo(EngineKind.FUSED);
            List<String> answers = new ArrayList<>();
            for (int i = 0; i + 1 < sentences.size(); i += 4) {
                String pair = i % 8 == 0 ? sentences.get(i + 1) : null;
                Classification expected = graph.classify(sentences.get(i), pair);
                Classification actual = fused.classify(sentences.get(i), pair);
                assertThat(actual.label()).isEqualTo(expected.label());
                for (String label : labels) {
                    assertThat(actual.probabilities().get(label)).isCloseTo(expected.probabilities().get(label), within(1e-5));
                }
                answers.add(actual.label());
            }
            assertThat(new HashSet<>(answers)).as("a model whose answers differ, so that equal labels mean something").hasSizeGreaterThan(1);
        });
    }

    @Test
    void aListIsClassifiedAsItsTextsAreOneByOne()
    {
        List<String> labels = List.of("1790", "1932", "1973");
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(0));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += 3) {
            texts.add(sentences.get(i));
        }
        withBothEngines(FinetuneKind.SEQUENCE, labels, (fused, graph) -> {
            // Batched by length and padded, on both engines; handed back in the list's order.
            for (TextClassifier classifier : List.of(fused, graph)) {
                List<Classification> listed = classifier.classify(texts);
                assertThat(listed).hasSize(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    Classification alone = classifier.classify(texts.get(i));
                    assertThat(listed.get(i).label()).isEqualTo(alone.label());
                    for (String label : labels) {
                        assertThat(listed.get(i).probabilities().get(label)).isCloseTo(alone.probabilities().get(label), within(1e-5));
                    }
                }
            }
        });
    }

    @Test
    void tokenLabelsAreTheGraphs()
    {
        List<String> labels = List.of("O", "NAME", "PLACE");
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(2));
        withBothEngines(FinetuneKind.TOKEN, labels, (fused, graph) -> {
            for (int i = 0; i < sentences.size(); i += 6) {
                List<String> words = Arrays.asList(sentences.get(i).split("\\s+"));
                assertThat(fused.labelWords(words)).isEqualTo(graph.labelWords(words));
            }
        });
    }

    /** The same classifier on the fused engine (on two threads) and on the SameDiff graph. */
    private static void withBothEngines(FinetuneKind kind, List<String> labels, BiConsumer<TextClassifier, TextClassifier> check)
    {
        FineTunedModel model = TestingInferenceModels.classifier(kind, labels);
        try (TextClassifier fused = new TextClassifier(model, EngineKind.FUSED, 2);
                TextClassifier graph = new TextClassifier(model, EngineKind.SAMEDIFF, 1)) {
            check.accept(fused, graph);
        }
    }
}
