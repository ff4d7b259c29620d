package org.ernie4j.core.finetune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;

/** A fine-tuned model keeps its tokenizer's settings: a classifier of a cased model must not read its text lower-cased. */
class TestFineTunedModel
{
    @TempDir
    Path temporary;

    @Test
    void keepsTheTokenizerSettingsOfItsModel()
            throws IOException
    {
        List<String> pieces = new ArrayList<>(WordPieceVocabulary.SPECIAL_TOKENS);
        pieces.addAll(List.of("The", "the", "Union", "union", "."));
        TokenizerSettings cased = new TokenizerSettings(true, true, false, false, 100, OptionalInt.empty());
        WordPieceVocabulary vocabulary = WordPieceVocabulary.of(pieces).withSettings(cased);
        EncoderConfig encoder = new EncoderConfig(pieces.size(), 8, 1, 2, 16, 16, 2, 2, 0.0, 1e-12, Activation.GELU_ERF, 0.02);
        List<ParameterSpec> specs = new ArrayList<>(EncoderLayout.parameters(encoder));
        specs.addAll(HeadLayout.parameters(FineTunedModel.HEAD, FineTunedModel.headSpec(FinetuneKind.SEQUENCE, 2), encoder));
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        parameters.addMissing(specs, new ParameterInitializer(7, 0.02));

        Path directory = temporary.resolve("classifier");
        new FineTunedModel(encoder, FinetuneKind.SEQUENCE, List.of("a", "b"), 0, 16, vocabulary, parameters).save(directory);
        WordPieceVocabulary loaded = FineTunedModel.load(directory).vocabulary();
        assertThat(loaded.settings()).isEqualTo(cased);
        assertThat(loaded.tokenize("The Union.")).containsExactly("The", "Union", ".");

        // model.json of an older ernie4j has no tokenizer keys: it tokenized as uncased BERT does.
        Path description = directory.resolve("model.json");
        String json = Files.readString(description).replaceAll(",\\s*\"(lowercase|stripAccents|splitCjk|cleanText|maxWordLength)\"\\s*:\\s*[^,}\\s]+", "");
        Files.writeString(description, json);
        assertThat(FineTunedModel.load(directory).vocabulary().settings()).isEqualTo(TokenizerSettings.UNCASED);
    }
}
