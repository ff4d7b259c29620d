package org.ernie4j.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.CorpusSection;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.VocabularySection;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.text.corpus.CorpusFingerprint;
import org.ernie4j.core.text.corpus.CorpusFormat;
import org.ernie4j.core.text.corpus.CorpusReader;
import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.text.prepare.Manifest;
import org.ernie4j.core.text.prepare.PrepareListener;
import org.ernie4j.core.text.prepare.PrepareOptions;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;
import com.google.inject.Provider;

import static java.util.Objects.requireNonNull;

/**
 * Prepares a corpus once and reuses it: a prepared directory that was made from the same input files is opened as it is;
 * one made from other input, or split into pieces other than the configuration says, is refused rather than silently
 * trained on.
 */
@PublicApi
public final class CorpusPreparation
{
    private static final Logger LOG = LoggerFactory.getLogger(CorpusPreparation.class);

    private final Provider<CorpusPreparer> preparer;

    @Inject
    public CorpusPreparation(Provider<CorpusPreparer> preparer)
    {
        this.preparer = requireNonNull(preparer, "preparer is null");
    }

    /**
     * The preparation options a configuration asks for. Words are split into pieces as the {@code vocabulary} section's
     * tokenizer settings say; a run that starts from a model ({@code training.initialize-from}) must name that model's
     * settings there (as {@code ernie import} prints them), so that pre-training feeds the model the ids its own
     * tokenizer would, and so that the run's recorded configuration says how its checkpoints read text.
     */
    public static PrepareOptions options(ErnieConfig config, boolean overwrite)
    {
        CorpusSection corpus = config.corpus();
        PrepareOptions.Builder options = PrepareOptions.builder()
                .format(format(corpus.format()))
                .maxLineLength(corpus.maxLineLength())
                .threads(corpus.threads())
                .documentsPerShard(corpus.documentsPerShard())
                .vocabularySize(config.vocabulary().size())
                .maxDistinctWords(config.vocabulary().maxDistinctWords())
                .overwrite(overwrite);
        if (corpus.gazetteer() != null) {
            options.gazetteer(Path.of(corpus.gazetteer()));
        }
        TokenizerSettings tokenizer = config.vocabulary().tokenizer();
        options.tokenizer(tokenizer);
        if (config.vocabulary().file() != null) {
            options.vocabulary(Path.of(config.vocabulary().file()));
        }
        else if (config.training().initializeFrom() != null) {
            // A run that starts from pre-trained weights must read text with the vocabulary those weights were trained on.
            try {
                Path model = Path.of(config.training().initializeFrom());
                options.vocabulary(PretrainedModel.vocabularyFile(model));
                TokenizerSettings settings = PretrainedModel.tokenizerSettings(model);
                if (!settings.splitsAs(tokenizer)) {
                    throw new ConfigException("training.initialize-from", "the model's tokenizer is " + settings + " but the vocabulary section"
                            + " says " + tokenizer + "; write the model's settings under vocabulary: (" + String.join(", ", VocabularySection.tokenizerKeys(settings))
                            + ") so that the corpus is read as the model reads text");
                }
            }
            catch (IllegalArgumentException e) {
                throw new ConfigException("training.initialize-from", e.getMessage());
            }
        }
        return options.build();
    }

    /** Prepares {@code input} into {@code prepared}, replacing what is there when {@code options} say so. */
    public PreparedCorpus prepare(Path input, Path prepared, PrepareOptions options, PrepareListener listener)
    {
        Manifest manifest = preparer.get().prepare(input, prepared, options, listener);
        LOG.info("prepared {} documents into {}", manifest.stats().documents(), prepared);
        return PreparedCorpus.open(prepared);
    }

    /**
     * Opens {@code prepared} if it exists and was made from {@code input}; otherwise prepares it.
     *
     * @throws IllegalStateException if {@code prepared} holds a corpus made from other input
     */
    public PreparedCorpus prepareOrOpen(Path input, Path prepared, PrepareOptions options, PrepareListener listener)
    {
        requireNonNull(input, "input is null");
        requireNonNull(prepared, "prepared is null");
        if (!Files.exists(prepared.resolve(Manifest.FILE_NAME))) {
            return prepare(input, prepared, options, listener);
        }
        PreparedCorpus corpus = PreparedCorpus.open(prepared);
        String current = CorpusFingerprint.of(new CorpusReader(options.corpus()).resolve(input));
        if (!current.equals(corpus.fingerprint())) {
            throw new IllegalStateException("the prepared corpus in " + prepared + " was made from other input than " + input
                    + " (fingerprint " + corpus.fingerprint() + ", now " + current + "); delete it, or prepare into another directory");
        }
        if (options.vocabulary().isEmpty() && corpus.vocabulary().size() != options.vocabularySize()) {
            LOG.warn("the prepared corpus in {} has a vocabulary of {} pieces; the configuration asks for {} (prepare again to change it)",
                    prepared, corpus.vocabulary().size(), options.vocabularySize());
        }
        TokenizerSettings made = corpus.manifest().settings().tokenization().settings();
        if (!made.splitsAs(options.tokenizer())) {
            throw new IllegalStateException("the prepared corpus in " + prepared + " was split into pieces " + made + "; the configuration says "
                    + options.tokenizer() + "; delete it, or prepare into another directory");
        }
        LOG.info("using the prepared corpus in {} ({} documents)", prepared, corpus.stats().documents());
        return corpus;
    }

    private static CorpusFormat format(String name)
    {
        return CorpusFormat.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
