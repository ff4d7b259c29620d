package org.ernie4j.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ernie4j.core.training.evaluate.AccuracyInterval;
import org.ernie4j.core.training.evaluate.ClassAccuracy;
import org.ernie4j.core.training.evaluate.TaskEvaluation;
import org.ernie4j.spi.baseline.BaselineAccuracy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run directory's evaluations read back as they were written, the split by true class included; lines written before
 * the split was kept read as having none, and a malformed split names its file and line.
 */
class TestRunRecords
{
    private static final String STEP = "{\"step\":1,\"task\":\"t\",\"loss\":1.0,\"accuracy\":0.5,\"examples\":4,\"tokens\":10}";

    @TempDir
    Path directory;

    @Test
    void evaluationsComeBackAsWrittenWithTheirSplitByClass()
            throws Exception
    {
        Files.writeString(directory.resolve(PretrainingRun.METRICS), STEP + "\n");
        TaskEvaluation split = new TaskEvaluation(500, 0, "sentence-distance", 1.05, 0.4, 10, 10, 3, new AccuracyInterval(0.2, 0.6),
                new BaselineAccuracy(10, 0.4, 0.3), new ClassAccuracy(new long[] {5, 3, 2}, new long[] {4, 0, 0}));
        TaskEvaluation unsplit = new TaskEvaluation(500, 0, "knowledge-masking", 6.5, 0.1, 100, 10, 3, new AccuracyInterval(0.05, 0.15),
                new BaselineAccuracy(100, 0.05, 0.07));
        try (EvaluationLog log = EvaluationLog.open(directory.resolve(PretrainingRun.EVALUATIONS), 500)) {
            log.onEvaluation(List.of(split, unsplit));
        }

        List<TaskEvaluation> read = RunRecords.read(directory).evaluations();

        assertThat(read).hasSize(2);
        assertThat(read.get(0).byClass()).isEqualTo(split.byClass());
        assertThat(read.get(0).byClass().accuracy(0)).isEqualTo(0.8);
        assertThat(read.get(0).accuracy()).isEqualTo(0.4);
        assertThat(read.get(1).byClass()).isEqualTo(ClassAccuracy.NONE);
        assertThat(Files.readString(directory.resolve(PretrainingRun.EVALUATIONS)))
                .contains("\"class_labelled\":[5,3,2],\"class_correct\":[4,0,0]}");
    }

    @Test
    void theMatrixOfAnswersComesBackAsWrittenAndMustAgreeWithTheSplit()
            throws Exception
    {
        Files.writeString(directory.resolve(PretrainingRun.METRICS), STEP + "\n");
        long[][] answered = {{4, 1, 0}, {2, 0, 1}, {1, 1, 0}};
        TaskEvaluation withAnswers = new TaskEvaluation(500, 0, "sentence-distance", 1.05, 0.4, 10, 10, 3, new AccuracyInterval(0.2, 0.6),
                new BaselineAccuracy(10, 0.4, 0.3), new ClassAccuracy(new long[] {5, 3, 2}, new long[] {4, 0, 0}, answered));
        Path evaluations = directory.resolve(PretrainingRun.EVALUATIONS);
        try (EvaluationLog log = EvaluationLog.open(evaluations, 500)) {
            log.onEvaluation(List.of(withAnswers));
        }

        ClassAccuracy read = RunRecords.read(directory).evaluations().get(0).byClass();

        assertThat(read).isEqualTo(withAnswers.byClass());
        assertThat(read.answered(1, 0)).isEqualTo(2);
        assertThat(Files.readString(evaluations)).contains("\"class_answered\":[[4,1,0],[2,0,1],[1,1,0]]}");

        // A matrix whose row does not add up to its class's items is named with its file and line.
        Files.writeString(evaluations, Files.readString(evaluations).replace("[[4,1,0]", "[[4,2,0]"));
        assertThatThrownBy(() -> RunRecords.read(directory))
                .hasMessageContaining(evaluations + ", line 1")
                .hasMessageContaining("class 0: 6 answers with 4 right, for 5 labelled items with 4 right");
    }

    @Test
    void aMalformedSplitNamesItsFileAndLine()
            throws Exception
    {
        Files.writeString(directory.resolve(PretrainingRun.METRICS), STEP + "\n");
        Path evaluations = directory.resolve(PretrainingRun.EVALUATIONS);
        Files.writeString(evaluations, "{\"step\":1,\"stage\":0,\"task\":\"t\",\"accuracy\":0.5,\"labelled\":2}\n"
                + "{\"step\":2,\"stage\":0,\"task\":\"t\",\"accuracy\":0.5,\"labelled\":2,\"class_labelled\":[1,1],\"class_correct\":[2,0]}\n");

        assertThatThrownBy(() -> RunRecords.read(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(evaluations + ", line 2")
                .hasMessageContaining("class 0: 2 right of 1 labelled items");

        Files.writeString(evaluations, "{\"step\":2,\"stage\":0,\"task\":\"t\",\"accuracy\":0.5,\"labelled\":2,\"class_labelled\":[1,1]}\n");
        assertThatThrownBy(() -> RunRecords.read(directory))
                .hasMessageContaining(evaluations + ", line 1")
                .hasMessageContaining("field 'class_correct' is missing or not an array");
    }
}
