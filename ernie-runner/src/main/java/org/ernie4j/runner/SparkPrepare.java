package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.text.prepare.PreparationPlan;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.runner.spark.SparkPreparation;

/**
 * {@code ernie prepare --spark}: kept apart from {@link PrepareCommand} so that a preparation without {@code --spark}
 * never loads a Spark class (the plain jar does not carry Spark).
 */
final class SparkPrepare
{
    private SparkPrepare()
    {
    }

    static PreparedCorpus prepare(String master, Integer partitions, CorpusPreparer preparer, Path input, Path prepared, PrepareOptions options,
            PrepareListener listener, PrintWriter err)
    {
        SparkMode.requireSpark("prepare");
        // The target and the input are checked before a Spark context takes seconds to start.
        PreparationPlan plan = preparer.plan(input, prepared, options, listener);
        try (SparkPreparation spark = SparkPreparation.start(master, Optional.ofNullable(partitions))) {
            err.printf("Spark master %s, documents in %d partitions%n", spark.master(), spark.partitions());
            err.flush();
            spark.prepare(plan, listener);
        }
        return PreparedCorpus.open(prepared);
    }
}
