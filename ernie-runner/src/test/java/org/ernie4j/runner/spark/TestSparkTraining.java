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
import org.ernie4j.core.train.StepComputer;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Data parallelism on a local Spark: two shards of half a batch each train the same model as one worker with the whole
 * batch (losses and parameters to float tolerance), a shard that fails once is retried by Spark and changes nothing,
 * and checkpoints move freely between Spark and single-machine runs. One Spark context ({@code local[2,4]}: two worker
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
}
