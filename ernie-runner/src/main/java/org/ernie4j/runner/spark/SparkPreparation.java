package org.ernie4j.runner.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.corpus.CorpusReport;
import org.ernie4j.core.text.prepare.CorpusStats;
import org.ernie4j.core.text.prepare.Manifest;
import org.ernie4j.core.text.prepare.PreparationPlan;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PreparePhase;
import org.ernie4j.core.text.prepare.ShardInfo;
import org.ernie4j.core.text.prepare.ShardRecut;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

import static java.util.Objects.requireNonNull;

/**
 * {@code ernie prepare --spark}: the preparation of {@link org.ernie4j.core.text.prepare.CorpusPreparer} with the
 * word counting, the annotation and the shard writing spread over Spark partitions, and the same result: the same
 * vocabulary, the same manifest and the same shard files, byte for byte.
 *
 * <p>The driver reads the input (checking files as a local preparation does) and streams the document texts into one
 * file in the preparation's directory ({@link SpilledInput}); each partition reads its contiguous run of documents, in
 * input order, from there, so the driver never holds the corpus. Workers count words per partition and Spark sums the
 * counts; the driver trains the vocabulary from them as a local preparation does. Workers then annotate their partitions, each
 * with an annotator of its own, and write their documents as shard files into the preparation's directory, which must
 * therefore be on a path every worker and the driver reads and writes. Partitions end wherever they end, so those files
 * are parts, not the final shards: a last job cuts them into shards of {@code documents-per-shard} documents in input
 * order ({@link ShardRecut}), the driver writes the manifest, and the directory is moved into place.
 *
 * <p>A failed job (a worker that died, after Spark's retries) ends the preparation with a message that says so; the
 * directory it was building is deleted, and it never held a manifest, so nothing is left that looks like a prepared
 * corpus. Unlike a local preparation it is not continued later: it starts over.
 */
public final class SparkPreparation
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SparkPreparation.class);
    /** Numbers of the preparation's jobs, for {@link Failpoint}. */
    static final long COUNTING_JOB = 0;
    static final long ANNOTATION_JOB = 1;
    static final long RECUT_JOB = 2;

    private final JavaSparkContext spark;
    private final boolean owned;
    private final int partitions;

    private SparkPreparation(JavaSparkContext spark, boolean owned, int partitions)
    {
        this.spark = spark;
        this.owned = owned;
        if (partitions < 1) {
            throw new IllegalArgumentException("--spark-partitions must be positive: " + partitions);
        }
        this.partitions = partitions;
    }

    /**
     * Starts a Spark context.
     *
     * @param master a master URL or {@link SparkTraining#FROM_SUBMIT}
     * @param partitions the partitions the documents are spread over; empty for twice Spark's default parallelism, so
     *         that a slow partition holds up less of the job
     */
    public static SparkPreparation start(String master, Optional<Integer> partitions)
    {
        JavaSparkContext context = SparkTraining.context(master, "ernie4j prepare");
        try {
            return new SparkPreparation(context, true, partitions.orElse(2 * context.defaultParallelism()));
        }
        catch (RuntimeException e) {
            context.stop();
            throw e;
        }
    }

    /** Prepares on a Spark context that someone else owns (and stops), such as a test's. */
    public static SparkPreparation using(JavaSparkContext spark, int partitions)
    {
        return new SparkPreparation(requireNonNull(spark, "spark is null"), false, partitions);
    }

    public int partitions()
    {
        return partitions;
    }

    public String master()
    {
        return spark.master();
    }

    /**
     * @throws IllegalStateException if a Spark job failed (after Spark's retries), or the vocabulary would be trained
     *         from more distinct words than {@code vocabulary.max-distinct-words}
     */
    public Manifest prepare(PreparationPlan plan, PrepareListener listener)
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(listener, "listener is null");
        long started = System.nanoTime();
        Manifest manifest;
        try {
            manifest = plan.write(directory -> {
                SpilledInput spilled = SpilledInput.write(plan, directory);
                CorpusReport report = spilled.report();
                LOG.info("Read {}: {}; spreading it over {} Spark partitions ({})", plan.corpus(), report.summary(), partitions, spark.master());
                JavaRDD<TextDocument> input = spark.parallelize(spilled.ranges(partitions), partitions).mapPartitions(ranges -> {
                    // One range per partition: parallelize puts the i-th of as many elements as slices into the i-th.
                    return ranges.hasNext() ? SpilledInput.read(ranges.next()) : Collections.emptyIterator();
                }, true);
                WordPieceVocabulary vocabulary = plan.givenVocabulary().orElseGet(() -> {
                    listener.phaseStarted(PreparePhase.TRAINING_VOCABULARY);
                    return trainVocabulary(plan, input);
                });
                return annotateAndWrite(plan, input, vocabulary, report, directory, listener);
            });
        }
        catch (JobFailure e) {
            throw new IllegalStateException("Preparing on Spark (" + spark.master() + ") failed, and nothing was written to " + plan.target()
                    + " (the directory being built was deleted); prepare again. " + firstLine(e.getCause()), e.getCause());
        }
        LOG.info("Prepared {} documents, {} sentences, {} tokens, {} pieces on Spark in {} s into {}", manifest.stats().documents(),
                manifest.stats().sentences(), manifest.stats().tokens(), manifest.stats().pieces(),
                (System.nanoTime() - started) / 1_000_000_000, plan.target());
        return manifest;
    }

    /**
     * Counts words per partition and sums the counts. A local preparation prunes the rarest words once the bound on
     * distinct words is reached, and which ones depends on the order it met them in, which partitions do not share; so
     * below the bound the counts are exact and the same, and above it the preparation is refused rather than differ.
     */
    private WordPieceVocabulary trainVocabulary(PreparationPlan plan, JavaRDD<TextDocument> input)
    {
        Tokenization tokenization = new Tokenization(plan.options().tokenizer());
        int bound = plan.options().maxDistinctWords();
        // A partition over the bound alone says so here rather than failing its task: the refusal is not a failure to retry.
        LongAccumulator overBound = spark.sc().longAccumulator("partitions over the bound on distinct words");
        JavaPairRDD<String, Long> counts = input.mapPartitionsToPair(texts -> {
            Failpoint.check(COUNTING_JOB, TaskContext.getPartitionId());
            WordCounter words = new WordCounter(tokenization.settings(), bound);
            texts.forEachRemaining(text -> words.add(text.text()));
            if (words.prunedWords() > 0) {
                overBound.add(1);
                return Collections.emptyIterator();
            }
            return words.counts().entrySet().stream().map(count -> new Tuple2<>(count.getKey(), count.getValue())).iterator();
        }).reduceByKey(Long::sum, partitions).cache();
        try {
            long distinct = job(counts::count);
            if (overBound.value() > 0 || distinct > bound) {
                throw new IllegalStateException("The corpus has more distinct words than vocabulary.max-distinct-words (" + bound + "): a local"
                        + " preparation would prune the rarest in an order Spark's partitions cannot reproduce; prepare on Spark only under the"
                        + " bound (raise it), or with a vocabulary file (vocabulary.file)");
            }
            Map<String, Long> words = new HashMap<>(job(counts::collectAsMap));
            return plan.trainVocabulary(words, words.values().stream().mapToLong(Long::longValue).sum());
        }
        finally {
            counts.unpersist(false);
        }
    }

    private Manifest annotateAndWrite(PreparationPlan plan, JavaRDD<TextDocument> input, WordPieceVocabulary vocabulary, CorpusReport report,
            Path directory, PrepareListener listener)
    {
        PreparationPlan.saveVocabulary(directory, vocabulary);
        createDirectory(directory.resolve(AnnotatedPart.PARTS));
        listener.phaseStarted(PreparePhase.ANNOTATING);
        Broadcast<AnnotationRecipe> recipe = spark.broadcast(AnnotationRecipe.of(vocabulary, plan.options(), directory));
        LongAccumulator annotated = spark.sc().longAccumulator("documents annotated");
        AnnotationProgress progress = new AnnotationProgress(annotated, report.documents(), listener);
        spark.sc().addSparkListener(progress);
        List<AnnotatedPart> parts;
        try {
            parts = new ArrayList<>(job(input.mapPartitionsWithIndex((partition, texts) -> {
                AnnotatedPart part = AnnotatedPart.annotate(recipe.value(), partition, texts);
                // Last, so that a partition that fails adds nothing (Spark merges a failed task's updates too).
                annotated.add(part.inputDocuments());
                return List.of(part).iterator();
            }, true)::collect));
        }
        finally {
            spark.sc().removeSparkListener(progress);
            progress.stop();
            recipe.destroy();
        }
        parts.sort(Comparator.comparingInt(AnnotatedPart::partition));
        listener.documentsAnnotated(report.documents(), report.documents());

        List<Path> files = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        CorpusStats stats = new CorpusStats(0, 0, 0, 0);
        AnnotationStats annotation = AnnotationStats.NONE;
        long read = 0;
        long withoutSentences = 0;
        for (AnnotatedPart part : parts) {
            files.addAll(part.files());
            counts.addAll(part.documents());
            CorpusStats more = part.stats();
            stats = new CorpusStats(stats.documents() + more.documents(), stats.sentences() + more.sentences(), stats.tokens() + more.tokens(),
                    stats.pieces() + more.pieces());
            annotation = annotation.plus(part.annotation());
            read += part.inputDocuments();
            withoutSentences += part.documentsWithoutSentences();
        }
        if (read != report.documents()) {
            throw new IllegalStateException("Spark's partitions annotated " + read + " documents of the " + report.documents() + " read");
        }
        List<ShardInfo> shards = recut(files, counts, plan.options().documentsPerShard(), directory);
        try {
            DirectoryTree.delete(directory.resolve(AnnotatedPart.PARTS));
            DirectoryTree.delete(directory.resolve(SpilledInput.DIRECTORY));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the partitions' input and parts in " + directory, e);
        }
        listener.phaseStarted(PreparePhase.WRITING);
        return plan.finish(directory, vocabulary, shards, stats, report, annotation, withoutSentences);
    }

    private static void createDirectory(Path directory)
    {
        try {
            Files.createDirectory(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** Cuts the parts into the final shards, a shard per task. */
    private List<ShardInfo> recut(List<Path> files, List<Integer> counts, int documentsPerShard, Path directory)
    {
        int shards = new ShardRecut(files, counts, documentsPerShard).shards();
        if (shards == 0) {
            return List.of();
        }
        ArrayList<String> names = new ArrayList<>(files.stream().map(Path::toString).toList());
        ArrayList<Integer> documents = new ArrayList<>(counts);
        String target = directory.toString();
        List<WrittenShard> written = job(spark.parallelize(IntStream.range(0, shards).boxed().toList(), Math.min(shards, partitions))
                .map(index -> {
                    Failpoint.check(RECUT_JOB, TaskContext.getPartitionId());
                    ShardRecut cut = new ShardRecut(names.stream().map(Path::of).toList(), documents, documentsPerShard);
                    return WrittenShard.of(cut.write(index, Path.of(target)));
                })::collect);
        return written.stream().map(WrittenShard::info).toList();
    }

    /**
     * Runs a Spark action. A failed job surfaces as a {@link SparkException}, which Scala throws undeclared; it becomes a
     * {@link JobFailure}, unchecked, so that the directory being built is deleted on its way out like after any failure.
     */
    private static <T> T job(Supplier<T> action)
    {
        try {
            return action.get();
        }
        catch (Exception e) {
            if (e instanceof SparkException) {
                throw new JobFailure(e);
            }
            throw e;
        }
    }

    /** A Spark job of the preparation failed, after Spark's retries. */
    private static final class JobFailure
            extends RuntimeException
    {
        JobFailure(Exception cause)
        {
            super(cause);
        }
    }

    private static String firstLine(Throwable e)
    {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close()
    {
        if (owned) {
            spark.stop();
        }
    }
}
