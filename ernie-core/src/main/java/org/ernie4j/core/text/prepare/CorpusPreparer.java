package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.annotate.DocumentAnnotator;
import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.annotate.ParallelAnnotator;
import org.ernie4j.core.text.corpus.CorpusInput;
import org.ernie4j.core.text.corpus.CorpusReader;
import org.ernie4j.core.text.corpus.CorpusReport;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Prepares a raw corpus for training, once: reads it, learns or loads the vocabulary, annotates every document and
 * writes a {@link PreparedCorpus} directory ({@code manifest.json}, {@code vocab.txt}, {@code shard-*.bin}).
 *
 * <p>The corpus is read twice and never held in memory: the first pass checks the files, counts documents (for
 * progress) and counts words (for the vocabulary, which must exist before piece ids can be written); the second pass
 * annotates. The same input and options give byte-identical output, whatever the number of threads.
 *
 * <p>The result is built in the directory {@code .NAME.partial} beside the target {@code NAME} and renamed into place
 * when complete, so a prepared corpus never appears half written. An interrupted preparation leaves that directory
 * behind with its vocabulary, its complete shards and a record of them (see {@link PartialPreparation}); preparing the
 * same input with the same settings into the same target again continues after the last complete shard, without
 * annotating the documents it holds, and writes the same bytes an uninterrupted preparation would. Other input or other
 * settings start over.
 */
@PublicApi
public final class CorpusPreparer
{
    private static final Logger log = LoggerFactory.getLogger(CorpusPreparer.class);
    public static final String VOCABULARY_FILE = "vocab.txt";

    private final OpenNlpModels models;

    public CorpusPreparer(OpenNlpModels models)
    {
        this.models = requireNonNull(models, "models is null");
    }

    public Manifest prepare(Path input, Path output, PrepareOptions options)
    {
        return prepare(input, output, options, PrepareListener.NONE);
    }

    /**
     * Checks the target and the input and fingerprints the input: the start of a preparation, for one that annotates
     * elsewhere (on a cluster) but must come out as this class's would.
     */
    public PreparationPlan plan(Path input, Path output, PrepareOptions options, PrepareListener listener)
    {
        return PreparationPlan.of(input, output, options, models, listener);
    }

    /**
     * @param input a corpus file or folder (see {@link CorpusInput})
     * @param output the directory to create
     * @return the manifest of the prepared corpus, which {@link PreparedCorpus#open} then reads
     * @throws CorpusException if the corpus has no usable text
     * @throws PreparedCorpusException if the output directory is in the way
     */
    public Manifest prepare(Path input, Path output, PrepareOptions options, PrepareListener listener)
    {
        long started = System.nanoTime();
        PreparationPlan plan = PreparationPlan.of(input, output, options, models, listener);
        CorpusInput corpus = plan.corpus();
        Manifest manifest = plan.writeResumable(directory -> {
            PartialPreparation partial = PartialPreparation.open(directory, plan.work());
            Optional<Path> keptVocabulary = plan.givenVocabulary().isEmpty() ? partial.keptVocabulary() : Optional.empty();
            WordCounter words = plan.givenVocabulary().isEmpty() && keptVocabulary.isEmpty() ? new WordCounter(options.tokenizer(), options.maxDistinctWords()) : null;
            CorpusReport report = plan.read(document -> {
                if (words != null) {
                    words.add(document.text());
                }
            });
            log.info("Read {}: {}", corpus, report.summary());
            WordPieceVocabulary vocabulary;
            if (keptVocabulary.isPresent()) {
                vocabulary = WordPieceVocabulary.load(keptVocabulary.get()).withSettings(options.tokenizer());
                log.info("Using the vocabulary of {} pieces the unfinished preparation in {} trained", vocabulary.size(), directory);
            }
            else if (words != null) {
                listener.phaseStarted(PreparePhase.TRAINING_VOCABULARY);
                vocabulary = plan.trainVocabulary(words.counts(), words.totalWords());
                if (words.prunedWords() > 0) {
                    log.info("Counting words reached the bound of {} distinct words: {} words pruned at counts up to {}; a count is short by"
                            + " at most {}", words.maxDistinctWords(), words.prunedWords(), words.pruningThreshold(), words.maxCountLost());
                }
            }
            else {
                vocabulary = plan.givenVocabulary().get();
            }
            try {
                partial.start(vocabulary);
                Manifest written = annotateAndWrite(plan, report, vocabulary, listener, partial, directory);
                partial.finish();
                return written;
            }
            catch (OutputWriteException e) {
                throw writeFailed(e, partial, directory, report.documents());
            }
        }, PartialPreparation::resumable);
        log.info("Prepared {} documents, {} sentences, {} tokens, {} pieces in {} s into {}", manifest.stats().documents(),
                manifest.stats().sentences(), manifest.stats().tokens(), manifest.stats().pieces(),
                (System.nanoTime() - started) / 1_000_000_000, plan.target());
        return manifest;
    }

    private Manifest annotateAndWrite(PreparationPlan plan, CorpusReport report, WordPieceVocabulary vocabulary, PrepareListener listener,
            PartialPreparation partial, Path directory)
    {
        PrepareOptions options = plan.options();
        listener.phaseStarted(PreparePhase.ANNOTATING);
        // Continues after the shards an interrupted preparation completed: their documents are read but not annotated,
        // and the counts go on from theirs, so that the result is the one an uninterrupted preparation writes.
        PreparationCounts resumed = partial.countsSoFar();
        if (!partial.shards().isEmpty()) {
            log.info("Resuming the preparation in {} from shard {} ({} documents)", directory, partial.shards().size(), resumed.inputDocuments());
        }
        ShardSetWriter shards = new ShardSetWriter(directory, options.documentsPerShard(),
                partial.shards().stream().map(CompleteShard::shard).toList(), resumed.stats());
        long total = report.documents();
        long[] done = {resumed.inputDocuments()};
        long[] withoutSentences = {resumed.documentsWithoutSentences()};
        boolean[] spaceChecked = {false};
        AnnotationStats annotation;
        CorpusReport again;
        try (ParallelAnnotator annotator = new ParallelAnnotator(
                () -> new DocumentAnnotator(models, plan.gazetteer(), vocabulary, options.annotation()),
                options.threads(),
                (document, annotated) -> {
                    done[0]++;
                    if (document.sentences().isEmpty()) {
                        withoutSentences[0]++;
                        log.debug("Leaving out document {}: no sentences", document.id());
                    }
                    else {
                        shards.add(document).ifPresent(shard -> {
                            partial.completed(new CompleteShard(shard, new PreparationCounts(done[0], withoutSentences[0], shards.stats(),
                                    resumed.annotation().plus(annotated))));
                            if (!spaceChecked[0]) {
                                spaceChecked[0] = true;
                                warnIfShortOfSpace(directory, partial, total);
                            }
                        });
                    }
                    listener.documentsAnnotated(done[0], total);
                })) {
            long[] read = {0};
            again = new CorpusReader(options.corpus(), false).read(plan.corpus(), document -> {
                if (++read[0] > resumed.inputDocuments()) {
                    annotator.submit(document);
                }
            });
            annotator.finish();
            annotation = resumed.annotation().plus(annotator.stats());
        }
        List<ShardInfo> shardFiles = shards.finish();
        if (!again.equals(report)) {
            throw plan.changed();
        }
        listener.phaseStarted(PreparePhase.WRITING);
        return plan.finish(directory, vocabulary, shardFiles, shards.stats(), report, annotation, withoutSentences[0]);
    }

    /**
     * Once the first shard is written, warns when the rest will not fit: a large corpus takes hours to annotate, and the
     * user had better make room before the disk fills than after.
     */
    private static void warnIfShortOfSpace(Path directory, PartialPreparation partial, long documents)
    {
        SpaceForecast forecast = SpaceForecast.of(directory, partial.shards(), documents);
        if (forecast.shortOfSpace()) {
            log.warn("The prepared corpus will probably not fit: {}. The preparation goes on; if the disk fills up, it stops and keeps"
                    + " its complete shards, after which the same prepare continues once there is room", forecast.describe(partial.shards().size()));
        }
    }

    /** What to tell the user when a file of the corpus could not be written: why, how much room, what is kept for next time. */
    private static PreparedCorpusException writeFailed(OutputWriteException failure, PartialPreparation partial, Path directory, long documents)
    {
        List<CompleteShard> kept = partial.shards();
        SpaceForecast forecast = SpaceForecast.of(directory, kept, documents);
        String next;
        if (!kept.isEmpty()) {
            next = "Its " + kept.size() + (kept.size() == 1 ? " complete shard" : " complete shards") + " (" + forecast.documentsDone() + " of "
                    + documents + " documents) and its vocabulary are kept there: make room and run the same prepare again, which"
                    + " continues after them.";
        }
        else if (PartialPreparation.resumable(directory)) {
            next = "Its vocabulary is kept there: make room and run the same prepare again, which continues without training it again.";
        }
        else {
            next = "Nothing of it is kept: make room and prepare again.";
        }
        return new PreparedCorpusException("Could not write the prepared corpus in " + directory + ". " + failure.getMessage() + ". "
                + capitalized(forecast.describe(kept.size())) + ". " + next, failure);
    }

    private static String capitalized(String text)
    {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
