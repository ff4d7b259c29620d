package org.ernie4j.core.config;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.corpus.CorpusOptions;
import org.ernie4j.core.text.prepare.PrepareOptions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code corpus:} where the raw text is and how to prepare it.
 *
 * @param path a folder of {@code .txt} files, a BERT-layout file, or a JSONL file; empty for the embedded sample of State of
 *         the Union addresses
 * @param format {@code auto}, {@code text-folder}, {@code bert} or {@code jsonl}
 * @param gazetteer an optional TSV of entity phrases and types, added to the proper-noun entity spans
 * @param threads annotation threads
 * @param maxLineLength lines longer than this mark a file as unusable (skipped with a warning)
 * @param documentsPerShard documents in each prepared shard: an interrupted preparation resumes from the last complete
 *         shard, so smaller shards lose less work to an interruption
 */
@PublicApi
public record CorpusSection(String path, String format, String gazetteer, int threads, int maxLineLength, int documentsPerShard)
{
    @JsonCreator
    public CorpusSection(
            @JsonProperty("path") String path,
            @JsonProperty("format") String format,
            @JsonProperty("gazetteer") String gazetteer,
            @JsonProperty("threads") Integer threads,
            @JsonProperty("max-line-length") Integer maxLineLength,
            @JsonProperty("documents-per-shard") Integer documentsPerShard)
    {
        this(path, Defaults.or(format, "auto"), gazetteer, Defaults.or(threads, Math.max(1, Runtime.getRuntime().availableProcessors())),
                Defaults.or(maxLineLength, CorpusOptions.DEFAULT_MAX_LINE_LENGTH), Defaults.or(documentsPerShard, PrepareOptions.DEFAULT_DOCUMENTS_PER_SHARD));
    }

    public static CorpusSection defaults()
    {
        return new CorpusSection(null, null, null, (Integer) null, null, null);
    }
}
