package org.ernie4j.core.text.prepare;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.LongSentencePolicy;
import org.ernie4j.core.text.corpus.CorpusFormat;

import static java.util.Objects.requireNonNull;

/**
 * The settings a corpus was prepared with, as the manifest records them: everything that shapes the output, and nothing
 * that does not (such as the number of threads), so that the same input and settings give byte-identical output.
 *
 * @param input the corpus path, absolute
 * @param format the layout it was read in, never AUTO
 * @param gazetteer the gazetteer file, or null
 * @param gazetteerSha256 the gazetteer's SHA-256, or null
 * @param vocabularySource "trained", or the path of the vocabulary file used
 * @param vocabularySize the size asked of the trainer, or null when a vocabulary file was used
 * @param minPairCount the trainer's minimum pair count, or null when a vocabulary file was used
 * @param tokenization how words were split into pieces (uncased BERT's unless a model's tokenizer said otherwise)
 */
@PublicApi
public record PreparationSettings(
        String input,
        CorpusFormat format,
        int maxLineLength,
        double maxControlShare,
        int maxSentenceTokens,
        LongSentencePolicy longSentences,
        String gazetteer,
        String gazetteerSha256,
        String vocabularySource,
        Integer vocabularySize,
        Integer minPairCount,
        PreparedTokenization tokenization,
        int documentsPerShard)
{
    public static final String TRAINED = "trained";

    public PreparationSettings
    {
        requireNonNull(input, "input is null");
        requireNonNull(format, "format is null");
        requireNonNull(longSentences, "longSentences is null");
        requireNonNull(vocabularySource, "vocabularySource is null");
        requireNonNull(tokenization, "tokenization is null");
    }
}
