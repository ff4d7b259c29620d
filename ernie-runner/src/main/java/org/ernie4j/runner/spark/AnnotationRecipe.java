package org.ernie4j.runner.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

import org.ernie4j.core.text.annotate.AnnotationOptions;
import org.ernie4j.core.text.annotate.DocumentAnnotator;
import org.ernie4j.core.text.annotate.LongSentencePolicy;
import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.prepare.PreparationPlan;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;

import static java.util.Objects.requireNonNull;

/**
 * What a worker needs to annotate documents exactly as a local preparation does, in a form Spark can ship: the
 * vocabulary's pieces, how words are split, the annotation options, the gazetteer's path (on a path every worker reads)
 * and where the parts go. Each worker builds its own annotator from it, because OpenNLP's models do not serialize.
 */
final class AnnotationRecipe
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> pieces;
    private final Tokenization tokenization;
    private final int maxSentenceTokens;
    private final LongSentencePolicy longSentences;
    private final String gazetteer;
    private final int documentsPerShard;
    private final String directory;

    private AnnotationRecipe(WordPieceVocabulary vocabulary, PrepareOptions options, Path directory)
    {
        this.pieces = new ArrayList<>(vocabulary.pieces());
        this.tokenization = new Tokenization(options.tokenizer());
        this.maxSentenceTokens = options.annotation().maxSentenceTokens();
        this.longSentences = options.annotation().longSentences();
        this.gazetteer = options.gazetteer().map(file -> file.toAbsolutePath().toString()).orElse(null);
        this.documentsPerShard = options.documentsPerShard();
        this.directory = directory.toAbsolutePath().toString();
    }

    /**
     * @param vocabulary the vocabulary the driver trained or loaded
     * @param directory the directory the preparation fills
     */
    static AnnotationRecipe of(WordPieceVocabulary vocabulary, PrepareOptions options, Path directory)
    {
        return new AnnotationRecipe(requireNonNull(vocabulary, "vocabulary is null"), requireNonNull(options, "options is null"),
                requireNonNull(directory, "directory is null"));
    }

    DocumentAnnotator annotator(OpenNlpModels models)
    {
        WordPieceVocabulary vocabulary = WordPieceVocabulary.of(pieces).withSettings(tokenization.settings());
        return new DocumentAnnotator(models, PreparationPlan.gazetteer(Optional.ofNullable(gazetteer).map(Path::of), models), vocabulary,
                new AnnotationOptions(maxSentenceTokens, longSentences));
    }

    int documentsPerShard()
    {
        return documentsPerShard;
    }

    Path directory()
    {
        return Path.of(directory);
    }
}
