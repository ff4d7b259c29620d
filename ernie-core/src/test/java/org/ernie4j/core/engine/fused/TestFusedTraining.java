package org.ernie4j.core.engine.fused;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.optim.OptimizerSettings;
import org.ernie4j.core.testing.TestingCorpus;
import org.ernie4j.core.testing.TestingTasks;
import org.ernie4j.core.training.CorpusIdentity;
import org.ernie4j.core.training.PretrainingSession;
import org.ernie4j.core.training.RunOptions;
import org.ernie4j.core.training.SessionRequest;
import org.ernie4j.core.training.SessionSetup;
import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TaskSetup;
import org.ernie4j.core.training.TrainingSettings;
import org.ernie4j.core.training.checkpoint.CheckpointStore;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.ernie4j.core.training.evaluate.EvaluationSettings;
import org.ernie4j.core.training.schedule.ScheduleSpec;
import org.ernie4j.spi.MapTaskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole training runs on real text (a State of the Union address, a masked-word task and a sentence-order task on the
 * continual schedule, dropout on): the fused engine follows the SameDiff engine's loss curve, and a checkpoint written
 * under one engine resumes under the other on the same curve.
 */
class TestFusedTraining
{
    private static final long STEPS_PER_TASK = 25;
    private static final int CHECKPOINT_EVERY = 20;
    private static final int RESUME_AT = 40;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestFusedTraining.class);
    /** Float rounding differences grow a little with every update; over 50 steps they stay far below this. */
    private static final double CURVE_TOLERANCE = 1e-3;

    @TempDir
    Path temporary;

    @Test
    void fiftyStepsFollowTheSameLossCurveOnBothEnginesAndCheckpointsMoveBetweenThem()
    {
        TestingCorpus corpus = TestingCorpus.washington1790(4);
        List<StepRecord> sameDiff = train(setup(corpus, temporary.resolve("samediff"), EngineKind.SAMEDIFF), EngineKind.SAMEDIFF);
        List<StepRecord> fused = train(setup(corpus, temporary.resolve("fused"), EngineKind.FUSED), EngineKind.FUSED);
        assertThat(sameDiff).hasSize((int) (2 * STEPS_PER_TASK));
        assertSameCurve(fused, sameDiff, 0);
        assertThat(sameDiff).extracting(StepRecord::task).contains("testing-masked-words", "testing-sentence-order");
        assertThat(sameDiff.get(sameDiff.size() - 1).loss()).isLessThan(sameDiff.get(0).loss());

        // The SameDiff run's checkpoint at step 40, resumed by the fused engine, and the other way round.
        assertSameCurve(resume(setup(corpus, temporary.resolve("samediff"), EngineKind.FUSED)), sameDiff, RESUME_AT);
        assertSameCurve(resume(setup(corpus, temporary.resolve("fused"), EngineKind.SAMEDIFF)), fused, RESUME_AT);
    }

    private static List<StepRecord> train(SessionSetup setup, EngineKind expected)
    {
        List<StepRecord> records = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.start(setup))) {
            assertThat(session.engineKind()).isEqualTo(expected);
            session.run(RunOptions.of(List.of(records::add)));
        }
        return records;
    }

    /** Resumes from the checkpoint after {@link #RESUME_AT} steps into a fresh directory and trains to the end. */
    private List<StepRecord> resume(SessionSetup original)
    {
        CheckpointStore store = new CheckpointStore(original.checkpoints(), 10);
        LoadedCheckpoint checkpoint = store.load(store.pathOf(RESUME_AT));
        SessionSetup setup = new SessionSetup(original.encoder(), original.training(), original.schedule(), original.evaluation(), original.tasks(),
                original.documents(), original.vocabulary(), original.vocabularyFile(), original.corpus(),
                temporary.resolve("resumed-" + original.training().engine().configName()), original.resolvedConfig());
        List<StepRecord> records = new ArrayList<>();
        try (PretrainingSession session = PretrainingSession.open(SessionRequest.resume(setup, checkpoint))) {
            assertThat(session.engineKind()).isEqualTo(original.training().engine());
            assertThat(session.step()).isEqualTo(RESUME_AT);
            session.run(RunOptions.of(List.of(records::add)));
        }
        return records;
    }

    private static void assertSameCurve(List<StepRecord> actual, List<StepRecord> expected, int firstStep)
    {
        assertThat(actual).hasSize(expected.size() - firstStep);
        double worst = 0;
        for (int i = 0; i < actual.size(); i++) {
            worst = Math.max(worst, Math.abs(actual.get(i).loss() - expected.get(firstStep + i).loss()) / Math.abs(expected.get(firstStep + i).loss()));
        }
        LOG.info("steps {} to {}: largest relative loss difference {}", firstStep, expected.size() - 1, worst);
        for (int i = 0; i < actual.size(); i++) {
            StepRecord a = actual.get(i);
            StepRecord e = expected.get(firstStep + i);
            assertThat(a.step()).isEqualTo(e.step());
            assertThat(a.task()).isEqualTo(e.task());
            assertThat(Math.abs(a.loss() - e.loss()) / Math.abs(e.loss()))
                    .as("relative loss difference at step %d (%s: %s vs %s)", e.step(), e.task(), a.loss(), e.loss())
                    .isLessThanOrEqualTo(CURVE_TOLERANCE);
        }
    }

    private static SessionSetup setup(TestingCorpus corpus, Path directory, EngineKind engine)
    {
        EncoderConfig encoder = new EncoderConfig(corpus.vocabulary().size(), 32, 2, 4, 64, 48, 2, 4, 0.1, 1e-12, Activation.GELU_TANH, 0.02);
        OptimizerSettings optimizer = new OptimizerSettings(1e-3, 5, 2 * STEPS_PER_TASK, 0.9, 0.999, 1e-6, 0.01, 1.0);
        TrainingSettings training = new TrainingSettings(7, 8, 48, STEPS_PER_TASK, 3, CHECKPOINT_EVERY, 10, optimizer, engine);
        List<TaskSetup> tasks = List.of(
                new TaskSetup(new TestingTasks.MaskedWords(), new MapTaskSettings("tasks[0].settings", Map.of())),
                new TaskSetup(new TestingTasks.SentenceOrder(), new MapTaskSettings("tasks[1].settings", Map.of())));
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.putObject("model").put("hidden", 32);
        return new SessionSetup(encoder, training, ScheduleSpec.continual(), EvaluationSettings.off(), tasks, corpus, corpus.vocabulary(),
                Optional.empty(), new CorpusIdentity("corpus-sha", "vocab-sha"), directory, config);
    }
}
