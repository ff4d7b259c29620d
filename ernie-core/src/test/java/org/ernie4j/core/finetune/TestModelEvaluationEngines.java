package org.ernie4j.core.finetune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ernie evaluate}'s figures on the fused engine are the SameDiff graph's: the same confusion matrix, item for item,
 * on sentences of the test addresses labelled with their year, for a sequence and a token classifier.
 */
class TestModelEvaluationEngines
{
    @TempDir
    Path temporary;

    @Test
    void sequenceFiguresAreTheGraphs()
            throws IOException
    {
        List<String> labels = List.of("1790", "1932", "1973");
        List<String> lines = new ArrayList<>();
        for (int address = 0; address < labels.size(); address++) {
            List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(address));
            for (int i = 0; i < sentences.size(); i += 3) {
                lines.add(labels.get(address) + "\t" + sentences.get(i).replace('\t', ' '));
            }
        }
        Path data = temporary.resolve("years.tsv");
        Files.write(data, lines);
        FineTunedModel model = TestingInferenceModels.classifier(FinetuneKind.SEQUENCE, labels);

        ClassificationMetrics fused = ModelEvaluation.evaluate(model, data, EngineKind.FUSED, 2);
        ClassificationMetrics graph = ModelEvaluation.evaluate(model, data, EngineKind.SAMEDIFF, 1);
        assertThat(fused.total()).isEqualTo(lines.size());
        assertThat(fused.confusion()).isDeepEqualTo(graph.confusion());
        assertThat(fused.accuracy()).isEqualTo(graph.accuracy());
    }

    @Test
    void tokenFiguresAreTheGraphs()
            throws IOException
    {
        List<String> labels = List.of("O", "CAPITAL");
        List<String> lines = new ArrayList<>();
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(0));
        for (int i = 0; i < sentences.size(); i += 4) {
            for (String word : sentences.get(i).split("\\s+")) {
                lines.add(word + "\t" + (Character.isUpperCase(word.charAt(0)) ? "CAPITAL" : "O"));
            }
            lines.add("");
        }
        Path data = temporary.resolve("capitals.tsv");
        Files.write(data, lines);
        FineTunedModel model = TestingInferenceModels.classifier(FinetuneKind.TOKEN, labels);

        ClassificationMetrics fused = ModelEvaluation.evaluate(model, data, EngineKind.FUSED, 3);
        ClassificationMetrics graph = ModelEvaluation.evaluate(model, data, EngineKind.SAMEDIFF, 1);
        assertThat(fused.total()).isGreaterThan(100);
        assertThat(fused.confusion()).isDeepEqualTo(graph.confusion());
    }
}
