package org.ernie4j.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie pretrain --spark} as a user runs it: a local Spark master of two threads trains the tiny run and leaves
 * the same run directory as a single-machine run, averaging gradients every step or parameters every K steps.
 */
class TestSparkCommand
{
    @TempDir
    Path temporary;

    @Test
    void pretrainsOnALocalSparkMaster()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result result = ernie("pretrain", "--spark", "local[2]", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("Spark master local[2], 2 shard(s) per batch");
        assertThat(result.out()).contains("finished at step 6 of 6");
        assertThat(run.resolve("checkpoints/step-00000006/manifest.json")).exists();
    }

    @Test
    void preparesOnALocalSparkMasterWhatALocalPrepareWrites()
            throws Exception
    {
        TestingErnie.Result local = ernie("prepare", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"), "--prepared",
                temporary.resolve("local").toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(local.code()).as(local.err()).isZero();
        TestingErnie.Result spark = ernie("prepare", "--spark", "local[2]", "--spark-partitions", "3", "--config", resource("tiny.yaml"),
                "--corpus", resource("tiny-corpus"), "--prepared", temporary.resolve("spark").toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("Spark master local[2], documents in 3 partitions");
        assertThat(TestingErnie.assertSameFiles(temporary.resolve("spark"), temporary.resolve("local"))).contains("manifest.json", "vocab.txt",
                "shard-00000.bin");
    }

    @Test
    void averagesParametersEveryKStepsWhenAsked()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result result = ernie("pretrain", "--spark", "local[2]", "--spark-average-every", "4", "--config", resource("tiny.yaml"),
                "--corpus", resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("Spark master local[2], 2 shard(s) per batch, parameters averaged every 4 steps");
        assertThat(result.out()).contains("finished at step 6 of 6");
        assertThat(run.resolve("checkpoints/step-00000006/manifest.json")).exists();
    }

    @Test
    void aZeroAveragingIntervalIsAUsageError()
            throws Exception
    {
        TestingErnie.Result result = ernie("pretrain", "--spark", "local[2]", "--spark-average-every", "0", "--config", resource("tiny.yaml"),
                "--corpus", resource("tiny-corpus"), "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("--spark-average-every needs --spark and a positive number of steps");
    }

    @Test
    void partitionsWithoutSparkAreAUsageError()
            throws Exception
    {
        TestingErnie.Result result = ernie("pretrain", "--spark-partitions", "2", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("--spark-partitions needs --spark");
    }

    @Test
    void preparePartitionsWithoutSparkAreAUsageError()
            throws Exception
    {
        Path prepared = temporary.resolve("prepared");
        TestingErnie.Result result = ernie("prepare", "--spark-partitions", "2", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--prepared", prepared.toString(), "--run-dir", temporary.resolve("run").toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("--spark-partitions needs --spark");
        assertThat(prepared).doesNotExist();
    }

    @Test
    void submitWithoutAMasterSaysSoBeforePreparingAnything()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result result = ernie("pretrain", "--spark", "submit", "--config", resource("tiny.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(result.code()).isEqualTo(ErrorHandler.FAILURE);
        assertThat(result.err()).contains("spark.master is not set");
        assertThat(run.resolve("prepared")).doesNotExist();
    }
}
