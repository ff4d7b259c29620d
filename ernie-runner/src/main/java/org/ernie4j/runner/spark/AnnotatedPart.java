package org.ernie4j.runner.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.spark.TaskContext;
import org.ernie4j.core.support.DirectoryTree;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.annotate.DocumentAnnotator;
import org.ernie4j.core.text.prepare.CorpusStats;
import org.ernie4j.core.text.prepare.ShardInfo;
import org.ernie4j.core.text.prepare.ShardSetWriter;
import org.ernie4j.spi.document.Document;

/**
 * One partition's documents, annotated by a worker and written as shard files into a directory of its own inside the
 * preparation's directory (one per attempt, so that a retried or speculative attempt never writes over another's
 * files), and what annotating them counted. The driver cuts the parts of all partitions into the final shards.
 */
final class AnnotatedPart
        implements Serializable
{
    private static final long serialVersionUID = 1L;
    static final String PARTS = "parts";

    private final int partition;
    private final ArrayList<String> files = new ArrayList<>();
    private final ArrayList<Integer> documents = new ArrayList<>();
    private final long inputDocuments;
    private final long documentsWithoutSentences;
    private final long[] stats;
    private final long[] annotation;

    private AnnotatedPart(int partition, Path directory, List<ShardInfo> shards, long inputDocuments, long documentsWithoutSentences,
            CorpusStats stats, AnnotationStats annotation)
    {
        this.partition = partition;
        for (ShardInfo shard : shards) {
            files.add(directory.resolve(shard.file()).toString());
            documents.add(shard.documents());
        }
        this.inputDocuments = inputDocuments;
        this.documentsWithoutSentences = documentsWithoutSentences;
        this.stats = new long[] {stats.documents(), stats.sentences(), stats.tokens(), stats.pieces()};
        this.annotation = new long[] {annotation.documents(), annotation.sentences(), annotation.tokens(), annotation.longSentencesSplit(),
                annotation.longSentencesSkipped()};
    }

    /** Annotates a partition's documents in order and writes them, leaving out those without a sentence as a local preparation does. */
    static AnnotatedPart annotate(AnnotationRecipe recipe, int partition, Iterator<TextDocument> input)
            throws IOException
    {
        TaskContext task = TaskContext.get();
        Failpoint.check(SparkPreparation.ANNOTATION_JOB, partition);
        Path directory = recipe.directory().resolve(PARTS).resolve(String.format(Locale.ROOT, "part-%05d-attempt-%d", partition,
                task == null ? 0 : task.attemptNumber()));
        DirectoryTree.delete(directory);
        // Not createDirectories: the driver made parts/ before the job, and a task still running after a failed job (Spark
        // does not stop them) must fail here rather than make the deleted directory again.
        Files.createDirectory(directory);
        DocumentAnnotator annotator = recipe.annotator(WorkerModels.english());
        ShardSetWriter writer = new ShardSetWriter(directory, recipe.documentsPerShard());
        long read = 0;
        long withoutSentences = 0;
        while (input.hasNext()) {
            Document document = annotator.annotate(input.next().raw());
            read++;
            if (document.sentences().isEmpty()) {
                withoutSentences++;
            }
            else {
                writer.add(document);
            }
        }
        List<ShardInfo> shards = writer.finish();
        return new AnnotatedPart(partition, directory, shards, read, withoutSentences, writer.stats(), annotator.stats());
    }

    int partition()
    {
        return partition;
    }

    List<Path> files()
    {
        return files.stream().map(Path::of).toList();
    }

    List<Integer> documents()
    {
        return List.copyOf(documents);
    }

    long inputDocuments()
    {
        return inputDocuments;
    }

    long documentsWithoutSentences()
    {
        return documentsWithoutSentences;
    }

    CorpusStats stats()
    {
        return new CorpusStats(stats[0], stats[1], stats[2], stats[3]);
    }

    AnnotationStats annotation()
    {
        return new AnnotationStats(annotation[0], annotation[1], annotation[2], annotation[3], annotation[4]);
    }
}
