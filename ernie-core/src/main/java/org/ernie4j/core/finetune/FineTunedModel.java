package org.ernie4j.core.finetune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.core.training.checkpoint.TensorFile;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static java.util.Objects.requireNonNull;

/**
 * A fine-tuned classifier on disk, self-contained: {@code parameters.bin} (the encoder and the head),
 * {@code vocab.txt}, and {@code model.json} (the encoder's shape, the kind of head, the labels, the task id).
 */
@PublicApi
public record FineTunedModel(EncoderConfig encoder, FinetuneKind kind, List<String> labels, int taskId, int maxLength,
        WordPieceVocabulary vocabulary, ModelParameters parameters)
{
    /** The fine-tuned head's name in the parameters ({@code head.finetune.*}). */
    public static final String HEAD = "finetune";
    private static final String PARAMETERS = "parameters.bin";
    private static final String VOCABULARY = "vocab.txt";
    private static final String DESCRIPTION = "model.json";

    public FineTunedModel
    {
        requireNonNull(encoder, "encoder is null");
        requireNonNull(kind, "kind is null");
        labels = List.copyOf(labels);
        requireNonNull(vocabulary, "vocabulary is null");
        requireNonNull(parameters, "parameters is null");
    }

    /** The head as the engines know it. */
    public TaskHead head()
    {
        return new TaskHead(HEAD, taskId, headSpec(kind, labels.size()));
    }

    static HeadSpec headSpec(FinetuneKind kind, int classes)
    {
        return kind == FinetuneKind.SEQUENCE ? SequenceClassificationHead.of(classes) : TokenClassificationHead.of(classes);
    }

    /**
     * What {@code model.json} holds. The tokenizer's settings are absent from files of older versions, which tokenized as
     * uncased BERT does.
     */
    record Description(int vocabularySize, int hidden, int layers, int heads, int intermediate, int maxPositions, int segmentTypes,
            int taskTypes, double layerNormEpsilon, String activation, String kind, List<String> labels, int taskId, int maxLength,
            Boolean lowercase, Boolean stripAccents, Boolean splitCjk, Boolean cleanText, Integer maxWordLength)
    {
        TokenizerSettings tokenizer()
        {
            if (lowercase == null) {
                return TokenizerSettings.UNCASED;
            }
            return new TokenizerSettings(cleanText, splitCjk, stripAccents, lowercase, maxWordLength, OptionalInt.empty());
        }
    }

    public void save(Path directory)
    {
        try {
            Files.createDirectories(directory);
            Map<String, INDArray> tensors = new LinkedHashMap<>();
            parameters.names().forEach(name -> tensors.put(name, parameters.get(name)));
            TensorFile.write(directory.resolve(PARAMETERS), tensors);
            vocabulary.save(directory.resolve(VOCABULARY));
            Description description = new Description(encoder.vocabularySize(), encoder.hidden(), encoder.layers(), encoder.heads(),
                    encoder.intermediate(), encoder.maxPositions(), encoder.segmentTypes(), encoder.taskTypes(), encoder.layerNormEpsilon(),
                    encoder.activation().name(), kind.name(), labels, taskId, maxLength, vocabulary.settings().lowercase(),
                    vocabulary.settings().stripAccents(), vocabulary.settings().splitCjk(), vocabulary.settings().cleanText(),
                    vocabulary.settings().maxWordLength());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(DESCRIPTION).toFile(), description);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the fine-tuned model into " + directory, e);
        }
    }

    public static FineTunedModel load(Path directory)
    {
        if (!Files.isRegularFile(directory.resolve(DESCRIPTION))) {
            throw new IllegalArgumentException(directory + " is not a fine-tuned model: it has no " + DESCRIPTION);
        }
        try {
            Description description = new ObjectMapper().readValue(directory.resolve(DESCRIPTION).toFile(), Description.class);
            EncoderConfig encoder = new EncoderConfig(description.vocabularySize(), description.hidden(), description.layers(),
                    description.heads(), description.intermediate(), description.maxPositions(), description.segmentTypes(),
                    description.taskTypes(), 0, description.layerNormEpsilon(), Activation.valueOf(description.activation()), 0.02);
            FinetuneKind kind = FinetuneKind.valueOf(description.kind());
            ModelParameters parameters = new ModelParameters(DataType.FLOAT);
            Map<String, INDArray> stored = TensorFile.read(directory.resolve(PARAMETERS));
            List<ParameterSpec> expected = new ArrayList<>(EncoderLayout.parameters(encoder));
            expected.addAll(HeadLayout.parameters(HEAD, headSpec(kind, description.labels().size()), encoder));
            for (var spec : expected) {
                INDArray value = stored.get(spec.name());
                if (value == null) {
                    throw new IllegalArgumentException(directory.resolve(PARAMETERS) + " has no parameter " + spec.name());
                }
                parameters.add(spec, value.castTo(DataType.FLOAT));
            }
            return new FineTunedModel(encoder, kind, description.labels(), description.taskId(), description.maxLength(),
                    WordPieceVocabulary.load(directory.resolve(VOCABULARY)).withSettings(description.tokenizer()), parameters);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the fine-tuned model in " + directory, e);
        }
    }
}
