package org.ernie4j.core.interop;

import java.nio.file.Path;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;

import static java.util.Objects.requireNonNull;

/**
 * A BERT-layout model read into ernie4j's terms: the encoder's shape, its parameters under ernie4j's names (a task's
 * masked-token head among them when asked), the vocabulary with its tokenizer's settings, and what the import did.
 *
 * @param source the imported directory
 * @param weightsSha256 the SHA-256 of the imported weight file, recorded as the model's provenance
 */
@PublicApi
public record ImportedModel(Path source, EncoderConfig encoder, ModelParameters parameters, WordPieceVocabulary vocabulary,
        String weightsSha256, ImportReport report)
{
    public ImportedModel
    {
        requireNonNull(source, "source is null");
        requireNonNull(encoder, "encoder is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(vocabulary, "vocabulary is null");
        requireNonNull(weightsSha256, "weightsSha256 is null");
        requireNonNull(report, "report is null");
    }
}
