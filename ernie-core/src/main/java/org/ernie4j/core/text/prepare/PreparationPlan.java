package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.annotate.Gazetteer;
import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.corpus.CorpusException;
import org.ernie4j.core.text.corpus.CorpusFingerprint;
import org.ernie4j.core.text.corpus.CorpusInput;
import org.ernie4j.core.text.corpus.CorpusReader;
import org.ernie4j.core.text.corpus.CorpusReport;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.wordpiece.WordPieceTrainer;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * One preparation of a corpus, before its long passes: the checked target, the resolved input, the given vocabulary
 * if any, and the work it is (input fingerprint, settings). What every way of preparing shares, so that preparing on
 * this machine ({@link CorpusPreparer}) and spread over a cluster train the same vocabulary from the same counts and
 * write the same manifest.
 */
@PublicApi
public final class PreparationPlan
{
    private static final Logger log = LoggerFactory.getLogger(PreparationPlan.class);

    private final OutputDirectory target;
    private final CorpusInput corpus;
    private final PrepareOptions options;
    private final Gazetteer gazetteer;
    private final Optional<WordPieceVocabulary> givenVocabulary;
    private final PreparationWork work;

    private PreparationPlan(OutputDirectory target, CorpusInput corpus, PrepareOptions options, Gazetteer gazetteer,
            Optional<WordPieceVocabulary> givenVocabulary, PreparationWork work)
    {
        this.target = target;
        this.corpus = corpus;
        this.options = options;
        this.gazetteer = gazetteer;
        this.givenVocabulary = givenVocabulary;
        this.work = work;
    }

    /**
     * Checks everything that can fail fast (the target, the input, the gazetteer and vocabulary files) before the long
     * passes over the corpus, then fingerprints the input.
     *
     * @throws CorpusException if the input is not a corpus
     * @throws PreparedCorpusException if the output directory is in the way
     */
    public static PreparationPlan of(Path input, Path output, PrepareOptions options, OpenNlpModels models, PrepareListener listener)
    {
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(options, "options is null");
        requireNonNull(models, "models is null");
        requireNonNull(listener, "listener is null");
        OutputDirectory target = new OutputDirectory(output, options.overwrite());
        CorpusInput corpus = new CorpusReader(options.corpus()).resolve(input);
        Gazetteer gazetteer = gazetteer(options.gazetteer(), models);
        Optional<WordPieceVocabulary> givenVocabulary = options.vocabulary().map(file -> WordPieceVocabulary.load(file).withSettings(options.tokenizer()));

        listener.phaseStarted(PreparePhase.SCANNING);
        PreparationWork work = new PreparationWork(Manifest.FORMAT_VERSION, ShardWriter.VERSION, CorpusFingerprint.of(corpus), settings(corpus, options),
                options.vocabulary().map(Sha256::of).orElse(null), givenVocabulary.isEmpty() ? options.maxDistinctWords() : null);
        return new PreparationPlan(target, corpus, options, gazetteer, givenVocabulary, work);
    }

    /** The gazetteer a preparation marks entities with, tokenized as annotation tokenizes text; every annotator loads it so. */
    public static Gazetteer gazetteer(Optional<Path> file, OpenNlpModels models)
    {
        return file.map(path -> Gazetteer.load(path, models.newTokenizer()::tokenize)).orElse(Gazetteer.empty());
    }

    public CorpusInput corpus()
    {
        return corpus;
    }

    public PrepareOptions options()
    {
        return options;
    }

    public Gazetteer gazetteer()
    {
        return gazetteer;
    }

    /** The vocabulary file's, when one is given; else the vocabulary is trained from the corpus's word counts. */
    public Optional<WordPieceVocabulary> givenVocabulary()
    {
        return givenVocabulary;
    }

    /** Where the prepared corpus goes, absolute. */
    public Path target()
    {
        return target.target();
    }

    PreparationWork work()
    {
        return work;
    }

    /** Reads every usable document of the input, in order, reporting skipped files with warnings. */
    public CorpusReport read(Consumer<RawDocument> consumer)
    {
        return new CorpusReader(options.corpus()).read(corpus, consumer);
    }

    /**
     * Trains the vocabulary from the corpus's word counts (in any order: the trainer sorts them).
     *
     * @param totalWords the words counted, for the log
     */
    public WordPieceVocabulary trainVocabulary(Map<String, Long> wordCounts, long totalWords)
    {
        WordPieceVocabulary vocabulary = new WordPieceTrainer(options.vocabularySize(), options.minPairCount()).train(wordCounts)
                .withSettings(options.tokenizer());
        log.info("Trained a vocabulary of {} pieces from {} words ({} distinct)", vocabulary.size(), totalWords, wordCounts.size());
        return vocabulary;
    }

    /**
     * Has {@code writer} fill a new temporary directory beside the target and moves it into place when it returns; when
     * it throws, the directory is deleted and the target left as it was. For preparations that cannot be continued.
     */
    public <T> T write(Function<Path, T> writer)
    {
        return target.write(writer);
    }

    /** Like {@link #write}, in {@code .NAME.partial}, kept after a failure when {@code resumable} says it is worth continuing. */
    <T> T writeResumable(Function<Path, T> writer, Predicate<Path> resumable)
    {
        return target.writeResumable(writer, resumable);
    }

    /** Writes the vocabulary into the directory a preparation fills, where the manifest will name it. */
    public static void saveVocabulary(Path directory, WordPieceVocabulary vocabulary)
    {
        vocabulary.save(directory.resolve(CorpusPreparer.VOCABULARY_FILE));
    }

    /**
     * Completes the directory a preparation filled: checks that the input did not change meanwhile and that some document
     * had a sentence, then writes the manifest. The vocabulary and the shards must be in {@code directory} already.
     *
     * @param shards the shard files in document order
     * @param stats what the shards hold
     * @param report what reading the input found
     * @param annotation what annotating the input's documents counted
     * @param documentsWithoutSentences the input documents left out
     * @throws CorpusException if the input changed or no document had a sentence
     */
    public Manifest finish(Path directory, WordPieceVocabulary vocabulary, List<ShardInfo> shards, CorpusStats stats, CorpusReport report,
            AnnotationStats annotation, long documentsWithoutSentences)
    {
        if (!CorpusFingerprint.of(corpus).equals(work.corpusFingerprint())) {
            throw changed();
        }
        if (shards.isEmpty()) {
            throw new CorpusException("No document of " + corpus.path() + " has a sentence");
        }
        if (annotation.longSentencesSplit() + annotation.longSentencesSkipped() > 0) {
            log.info("Sentences over {} tokens: {} split, {} skipped", options.annotation().maxSentenceTokens(),
                    annotation.longSentencesSplit(), annotation.longSentencesSkipped());
        }
        Path vocabularyFile = directory.resolve(CorpusPreparer.VOCABULARY_FILE);
        Manifest manifest = new Manifest(
                Manifest.FORMAT_VERSION,
                work.corpusFingerprint(),
                stats,
                new VocabularyInfo(CorpusPreparer.VOCABULARY_FILE, vocabulary.size(), Sha256.of(vocabularyFile)),
                shards,
                work.settings(),
                report,
                annotation,
                documentsWithoutSentences);
        ManifestFile.write(directory.resolve(Manifest.FILE_NAME), manifest);
        return manifest;
    }

    CorpusException changed()
    {
        return new CorpusException("The corpus " + corpus.path() + " changed while it was being prepared; prepare it again");
    }

    private static PreparationSettings settings(CorpusInput corpus, PrepareOptions options)
    {
        boolean trained = options.vocabulary().isEmpty();
        return new PreparationSettings(
                corpus.path().toString(),
                corpus.format(),
                options.corpus().maxLineLength(),
                options.corpus().maxControlShare(),
                options.annotation().maxSentenceTokens(),
                options.annotation().longSentences(),
                options.gazetteer().map(file -> file.toAbsolutePath().normalize().toString()).orElse(null),
                options.gazetteer().map(Sha256::of).orElse(null),
                trained ? PreparationSettings.TRAINED : options.vocabulary().get().toAbsolutePath().normalize().toString(),
                trained ? options.vocabularySize() : null,
                trained ? options.minPairCount() : null,
                PreparedTokenization.of(options.tokenizer()),
                options.documentsPerShard());
    }
}
