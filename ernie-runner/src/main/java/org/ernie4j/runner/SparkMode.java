package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.core.run.PretrainingRun;
import org.ernie4j.core.training.StepComputer;
import org.ernie4j.runner.spark.SparkTraining;

/**
 * Whether {@code --spark} was given, and the Spark context while training runs. Spark is a {@code provided}
 * dependency: the plain fat jar does not carry it, so its presence is checked before any Spark class is touched, and a
 * run without {@code --spark} never loads one.
 */
final class SparkMode
        implements AutoCloseable
{
    private static final String SPARK_CONTEXT = "org.apache.spark.SparkContext";

    private final SparkTraining training;

    private SparkMode(SparkTraining training)
    {
        this.training = training;
    }

    static SparkMode open(String master, Integer partitions, int averageEvery, PrintWriter err)
    {
        if (master == null) {
            return new SparkMode(null);
        }
        requireSpark("pretrain");
        SparkTraining training = SparkTraining.start(master, Optional.ofNullable(partitions), averageEvery);
        err.printf("Spark master %s, %d shard(s) per batch, %s%n", training.master(), training.partitions(),
                averageEvery == 1 ? "gradients averaged every step" : "parameters averaged every " + averageEvery + " steps");
        return new SparkMode(training);
    }

    PretrainingRun apply(PretrainingRun run)
    {
        return training == null ? run : run.withSteps(training.steps());
    }

    /** Steps computed by Spark; only when {@code --spark} was given. */
    StepComputer.Factory steps()
    {
        if (training == null) {
            throw new IllegalStateException("not in Spark mode");
        }
        return training.steps();
    }

    /** Steps computed by Spark, averaged every {@code averageEvery} steps; only when {@code --spark} was given. */
    StepComputer.Factory steps(int averageEvery)
    {
        if (training == null) {
            throw new IllegalStateException("not in Spark mode");
        }
        return training.steps(averageEvery);
    }

    String master()
    {
        return training == null ? "" : training.master();
    }

    /** Median seconds of the parts of the Spark steps since the last {@link #resetTimes()}. */
    Map<String, Double> stepTimes()
    {
        return training == null ? Map.of() : training.times().medians();
    }

    /** The median seconds per Spark job that Spark itself added, since the last {@link #resetTimes()}. */
    double ownSeconds()
    {
        return training == null ? Double.NaN : training.times().medianOwnSeconds();
    }

    void resetTimes()
    {
        if (training != null) {
            training.times().reset();
        }
    }

    String version()
    {
        return training == null ? "" : training.version();
    }

    int workerThreads()
    {
        return training == null ? 0 : training.workerThreads();
    }

    int partitions()
    {
        return training == null ? 0 : training.partitions();
    }

    @Override
    public void close()
    {
        if (training != null) {
            training.close();
        }
    }

    /** Checks, before any Spark class is touched, that Spark is on the class path for {@code ernie COMMAND --spark}. */
    static void requireSpark(String command)
    {
        if (!sparkPresent()) {
            throw new IllegalStateException("--spark needs Apache Spark on the class path, and the ernie jar does not carry it: start with"
                    + " spark-submit --class org.ernie4j.runner.Ernie ernie.jar " + command + " --spark submit ..., or see docs/SPARK.md");
        }
    }

    private static boolean sparkPresent()
    {
        try {
            Class.forName(SPARK_CONTEXT, false, SparkMode.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }
}
