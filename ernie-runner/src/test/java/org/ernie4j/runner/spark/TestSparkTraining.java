package org.ernie4j.runner.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.ernie4j.core.run.RunOutcome;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.core.training.TrainingDivergedException;
import org.ernie4j.core.training.checkpoint.LoadedCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Data parallelism on a local Spark: two shards of half a batch each train the same model as one worker with the whole
 * batch (losses and parameters to float tolerance), a shard that fails once is retried by Spark and changes nothing,
 * and checkpoints move freely between Spark and single-machine runs. With parameter averaging every K steps, one
 * partition trains exactly as a single machine, and two train as the test's own plain reading of averaging
 * ({@link ReplicasInOneJvm}) does, also across a resume and a retried worker. One Spark context ({@code local[2,4]}: two worker
 * threads, four attempts per task) serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSparkTraining
{
    private static final int STEPS = 8;
    private static final double LOSS_TOLERANCE = 1e-5;
    private static final double PARAMETER_TOLERANCE = 1e-6;

    @TempDir
    static Path temporary;

    private JavaSparkContext spark;
    private final AtomicInteger failedTasks = new AtomicInteger();
    private TestingRuns runs;
    private Path local;

    @BeforeAll
    void startSparkAndTrainLocally()
    {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("TestSparkTraining")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        spark.sc().addSparkListener(new SparkListener()
        {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd)
            {
                if (!taskEnd.taskInfo().successful()) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        runs = new TestingRuns("tiny-spark.yaml", temporary.resolve("prepared"));
        local = temporary.resolve("local");
        RunOutcome outcome = runs.train(local, StepComputer.Factory.LOCAL, Long.MAX_VALUE);
        assertThat(outcome.completedSteps()).isEqualTo(STEPS);
    }

    @AfterAll
    void stopSpark()
    {
        spark.stop();
        WorkerEngines.closeAll();
    }

    @Test
    void twoShardsOfHalfABatchTrainLikeOneWorkerWithTheWholeBatch()
    {
        Path distributed = temporary.resolve("spark");
        try (SparkTraining training = SparkTraining.using(spark, 2)) {
            runs.train(distributed, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(distributed);
    }

    @Test
    void aShardThatFailsOnceIsRetriedAndTheRunStillMatches()
    {
        Path distributed = temporary.resolve("spark-retried");
        int failedBefore = failedTasks.get();
        spark.setLocalProperty(Failpoint.KEY, "3:1");
        try (SparkTraining training = SparkTraining.using(spark, 2)) {
            runs.train(distributed, training.steps(), Long.MAX_VALUE);
        }
        finally {
            spark.setLocalProperty(Failpoint.KEY, null);
        }
        assertThat(failedTasks.get() - failedBefore).as("tasks Spark saw fail").isEqualTo(1);
        assertSameRun(distributed);
    }

    @Test
    void aSparkRunResumesASingleMachineCheckpointAndTheOtherWayRound()
    {
        Path localFirst = temporary.resolve("local-then-spark");
        runs.train(localFirst, StepComputer.Factory.LOCAL, STEPS / 2);
        try (SparkTraining training = SparkTraining.using(spark, 2)) {
            RunOutcome resumed = runs.train(localFirst, training.steps(), Long.MAX_VALUE);
            assertThat(resumed.startedAt()).isEqualTo(STEPS / 2);
        }
        assertSameRun(localFirst);

        Path sparkFirst = temporary.resolve("spark-then-local");
        try (SparkTraining training = SparkTraining.using(spark, 2)) {
            runs.train(sparkFirst, training.steps(), STEPS / 2);
        }
        RunOutcome resumed = runs.train(sparkFirst, StepComputer.Factory.LOCAL, Long.MAX_VALUE);
        assertThat(resumed.startedAt()).isEqualTo(STEPS / 2);
        assertSameRun(sparkFirst);
    }

    @Test
    void withOnePartitionDropoutDrawsTheMasksOfALocalRun()
    {
        TestingRuns dropout = new TestingRuns("tiny-spark-dropout.yaml", temporary.resolve("prepared"));
        Path alone = temporary.resolve("dropout-local");
        dropout.train(alone, StepComputer.Factory.LOCAL, Long.MAX_VALUE);
        Path distributed = temporary.resolve("dropout-spark");
        try (SparkTraining training = SparkTraining.using(spark, 1)) {
            dropout.train(distributed, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(alone, distributed);
    }

    @Test
    void roundsOfLocalStepsOnOnePartitionTrainLikeOneMachine()
    {
        Path distributed = temporary.resolve("rounds-one-partition");
        try (SparkTraining training = SparkTraining.using(spark, 1, 3)) {
            runs.train(distributed, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(distributed);

        // Dropout masks and the masked-LM batch added to a step are drawn on the worker as a local run draws them.
        TestingRuns added = new TestingRuns("tiny-spark-rounds.yaml", temporary.resolve("prepared"));
        Path alone = temporary.resolve("rounds-added-local");
        added.train(alone, StepComputer.Factory.LOCAL, Long.MAX_VALUE);
        Path rounds = temporary.resolve("rounds-added-spark");
        try (SparkTraining training = SparkTraining.using(spark, 1, 3)) {
            added.train(rounds, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(alone, rounds);
        List<Double> expected = TestingRuns.column(alone, "masked_lm_loss");
        List<Double> actual = TestingRuns.column(rounds, "masked_lm_loss");
        assertThat(expected.stream().filter(loss -> loss > 0).count()).as("steps with a masked-LM batch added").isEqualTo(STEPS / 2);
        for (int step = 0; step < STEPS; step++) {
            if (expected.get(step).isNaN()) {
                assertThat(actual.get(step)).as("masked-LM loss at step %d", step).isNaN();
                continue;
            }
            assertThat(actual.get(step)).as("masked-LM loss at step %d", step).isCloseTo(expected.get(step), within(LOSS_TOLERANCE * Math.abs(expected.get(step))));
        }
    }

    @Test
    void roundsOnTheSameDiffEngineTrainLikeOneMachineToo()
    {
        TestingRuns samediff = new TestingRuns("tiny-spark-rounds-samediff.yaml", temporary.resolve("prepared"));
        Path alone = temporary.resolve("rounds-samediff-local");
        samediff.train(alone, StepComputer.Factory.LOCAL, Long.MAX_VALUE);
        Path rounds = temporary.resolve("rounds-samediff-spark");
        try (SparkTraining training = SparkTraining.using(spark, 1, 3)) {
            samediff.train(rounds, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(alone, rounds);
    }

    @Test
    void twoWorkersAverageTheirParametersAndMomentsEveryKSteps()
    {
        Path reference = temporary.resolve("rounds-reference");
        runs.train(reference, ReplicasInOneJvm.steps(2, 4), Long.MAX_VALUE);
        Path distributed = temporary.resolve("rounds-two-partitions");
        try (SparkTraining training = SparkTraining.using(spark, 2, 4)) {
            runs.train(distributed, training.steps(), Long.MAX_VALUE);
        }
        assertSameRun(reference, distributed);
        // Averaging local steps is not the single machine's arithmetic: the test above would not tell them apart otherwise.
        assertThat(largestDifference(TestingRuns.parameters(local), TestingRuns.parameters(distributed))).isGreaterThan(1e-4);
    }

    @Test
    void aRoundsRunResumesAndAWorkerThatFailsOnceIsRetried()
    {
        Path reference = temporary.resolve("rounds-reference-for-resume");
        runs.train(reference, ReplicasInOneJvm.steps(2, 4), Long.MAX_VALUE);
        Path resumed = temporary.resolve("rounds-resumed");
        try (SparkTraining training = SparkTraining.using(spark, 2, 4)) {
            assertThat(runs.train(resumed, training.steps(), STEPS / 2).completedSteps()).isEqualTo(STEPS / 2);
        }
        int failedBefore = failedTasks.get();
        spark.setLocalProperty(Failpoint.KEY, "0:1");
        try (SparkTraining training = SparkTraining.using(spark, 2, 4)) {
            RunOutcome outcome = runs.train(resumed, training.steps(), Long.MAX_VALUE);
            assertThat(outcome.startedAt()).isEqualTo(STEPS / 2);
        }
        finally {
            spark.setLocalProperty(Failpoint.KEY, null);
        }
        assertThat(failedTasks.get() - failedBefore).as("tasks Spark saw fail").isEqualTo(1);
        assertSameRun(reference, resumed);
    }

    @Test
    void aRoundThatDivergesOnAWorkerStopsTheRunNamingTheStepAndKeepsTheStateBeforeTheRound()
    {
        TestingRuns diverging = new TestingRuns("tiny-spark-diverging.yaml", temporary.resolve("prepared"));
        Path run = temporary.resolve("rounds-diverging");
        try (SparkTraining training = SparkTraining.using(spark, 2, 3)) {
            assertThatThrownBy(() -> diverging.train(run, training.steps(), Long.MAX_VALUE))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("task knowledge-masking")
                    .hasMessageContaining("on worker")
                    .satisfies(e -> assertThat(((TrainingDivergedException) e).step()).isBetween(1L, 2L));
        }
        LoadedCheckpoint saved = TestingRuns.newest(run);
        assertThat(saved.manifest().step()).as("the checkpoint holds the state before the round").isZero();
        saved.parameters().forEach((name, value) -> assertThat(value.isInfinite().any() || value.isNaN().any())
                .as("parameter %s of the checkpoint is finite", name).isFalse());
    }

    /**
     * The clash that stops Spark at run time: jackson-module-scala refuses a jackson-databind of another minor version
     * when it is registered (Spark registers it for every RDD operation's scope). Here both come from one BOM, and a job
     * whose tasks use ND4J runs beside it.
     */
    @Test
    void sparkJacksonScalaAndNd4jWorkInOneJvm()
    {
        Module scala = DefaultScalaModule$.MODULE$;
        assertThat(scala.version().getMinorVersion()).isEqualTo(PackageVersion.VERSION.getMinorVersion());
        assertThat(scala.version().getMajorVersion()).isEqualTo(PackageVersion.VERSION.getMajorVersion());
        new ObjectMapper().registerModule(scala);
        int sum = spark.parallelize(List.of(1, 2, 3, 4), 2).map(size -> Nd4j.ones(DataType.FLOAT, size).sumNumber().intValue()).reduce(Integer::sum);
        assertThat(sum).isEqualTo(10);
    }

    private void assertSameRun(Path run)
    {
        assertSameRun(local, run);
    }

    private static void assertSameRun(Path local, Path run)
    {
        List<Double> expected = TestingRuns.losses(local);
        List<Double> actual = TestingRuns.losses(run);
        assertThat(actual).hasSize(STEPS);
        for (int step = 0; step < STEPS; step++) {
            assertThat(actual.get(step)).as("loss at step %d", step).isCloseTo(expected.get(step), within(LOSS_TOLERANCE * Math.abs(expected.get(step))));
        }
        assertThat(TestingRuns.newest(run).manifest().step()).isEqualTo(STEPS);
        Map<String, INDArray> reference = TestingRuns.parameters(local);
        Map<String, INDArray> trained = TestingRuns.parameters(run);
        assertThat(trained.keySet()).isEqualTo(reference.keySet());
        reference.forEach((name, value) -> {
            double difference = value.sub(trained.get(name)).amaxNumber().doubleValue();
            assertThat(difference).as("largest difference in %s", name).isLessThan(PARAMETER_TOLERANCE);
        });
    }

    private static double largestDifference(Map<String, INDArray> one, Map<String, INDArray> other)
    {
        return one.entrySet().stream().mapToDouble(entry -> entry.getValue().sub(other.get(entry.getKey())).amaxNumber().doubleValue()).max().orElseThrow();
    }
}
