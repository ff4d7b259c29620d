package org.ernie4j.core.text.prepare;

import java.util.List;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.corpus.CorpusReport;

import static java.util.Objects.requireNonNull;

/**
 * What {@code manifest.json} of a prepared corpus says: format version, sizes, files with their checksums, the corpus
 * fingerprint, the settings and what was skipped on the way.
 *
 * @param formatVersion the version of the manifest and shard format
 * @param corpusFingerprint the SHA-256 over the input files' relative paths and bytes
 * @param stats the size of the prepared corpus
 * @param vocabulary the vocabulary file
 * @param shards the shard files, in document order
 * @param settings the preparation settings
 * @param corpusReport what reading the corpus found and skipped
 * @param annotation what annotation produced and cut
 * @param documentsWithoutSentences documents left out because annotation found no sentence in them
 */
@PublicApi
public record Manifest(
        int formatVersion,
        String corpusFingerprint,
        CorpusStats stats,
        VocabularyInfo vocabulary,
        List<ShardInfo> shards,
        PreparationSettings settings,
        CorpusReport corpusReport,
        AnnotationStats annotation,
        long documentsWithoutSentences)
{
    public static final int FORMAT_VERSION = 2;
    public static final String FILE_NAME = "manifest.json";

    public Manifest
    {
        requireNonNull(corpusFingerprint, "corpusFingerprint is null");
        requireNonNull(stats, "stats is null");
        requireNonNull(vocabulary, "vocabulary is null");
        shards = List.copyOf(requireNonNull(shards, "shards is null"));
        requireNonNull(settings, "settings is null");
        requireNonNull(corpusReport, "corpusReport is null");
        requireNonNull(annotation, "annotation is null");
    }
}
