package org.ernie4j.core.text.prepare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.AnnotationStats;
import org.ernie4j.core.text.corpus.CorpusReport;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;

import static java.util.Objects.requireNonNull;

/**
 * Writes a prepared corpus that holds every document of another one several times: how a benchmark gets a corpus ten or
 * fifty times larger without annotating ten or fifty times the text (annotation runs at about 20,000 tokens per second
 * here). Copy {@code c} of document {@code id} is {@code copy-c/id}, with the same sentences; the vocabulary is the
 * source's. The manifest says what it is: its input is the source's followed by {@code x copies} and its fingerprint is
 * derived from the source's, so it is never mistaken for a corpus prepared from real input files.
 */
@PublicApi
public final class CorpusReplicas
{
    private CorpusReplicas()
    {
    }

    /**
     * @param copies at least 1
     * @param target a directory that must not exist yet
     * @return the manifest written
     */
    public static Manifest write(PreparedCorpus source, int copies, Path target)
    {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, not " + copies);
        }
        return new OutputDirectory(target, false).write(directory -> writeInto(source, copies, directory));
    }

    private static Manifest writeInto(PreparedCorpus source, int copies, Path directory)
    {
        Manifest original = source.manifest();
        ShardSetWriter shards = new ShardSetWriter(directory, original.settings().documentsPerShard());
        DocumentSource documents = source.documents();
        for (int copy = 1; copy <= copies; copy++) {
            String prefix = String.format(Locale.ROOT, "copy-%02d/", copy);
            for (int index = 0; index < documents.size(); index++) {
                Document document = documents.get(index);
                shards.add(new Document(prefix + document.id(), document.title().orElse(null), document.sentences()));
            }
        }
        List<ShardInfo> shardFiles = shards.finish();
        Path vocabularyFile = directory.resolve(CorpusPreparer.VOCABULARY_FILE);
        source.vocabulary().save(vocabularyFile);
        PreparationSettings settings = original.settings();
        CorpusReport report = original.corpusReport();
        AnnotationStats annotation = original.annotation();
        Manifest manifest = new Manifest(
                Manifest.FORMAT_VERSION,
                Sha256.of(("replicas x" + copies + " of " + original.corpusFingerprint()).getBytes(StandardCharsets.UTF_8)),
                shards.stats(),
                new VocabularyInfo(CorpusPreparer.VOCABULARY_FILE, source.vocabulary().size(), Sha256.of(vocabularyFile)),
                shardFiles,
                new PreparationSettings(settings.input() + " x " + copies, settings.format(), settings.maxLineLength(), settings.maxControlShare(),
                        settings.maxSentenceTokens(), settings.longSentences(), settings.gazetteer(), settings.gazetteerSha256(),
                        settings.vocabularySource(), settings.vocabularySize(), settings.minPairCount(), settings.tokenization(),
                        settings.documentsPerShard()),
                new CorpusReport(report.files() * copies, report.documents() * copies, Map.of()),
                new AnnotationStats(annotation.documents() * copies, annotation.sentences() * copies, annotation.tokens() * copies,
                        annotation.longSentencesSplit() * copies, annotation.longSentencesSkipped() * copies),
                original.documentsWithoutSentences() * copies);
        ManifestFile.write(directory.resolve(Manifest.FILE_NAME), manifest);
        return manifest;
    }
}
