package org.ernie4j.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.model.Activation;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterInitializer;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import opennlp.tools.sentdetect.SentenceDetectorME;

import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.NIXON_1973;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

/**
 * Small models over the test addresses' vocabulary, with weights drawn wide enough (0.2) that attention is far from uniform and
 * heads far from ties, and the addresses' sentences to run them on: what the engine comparisons of the inference paths need.
 */
public final class TestingInferenceModels
{
    /** Three layers, four heads, twelve positions shorter than the longest sentences, so that some are cut. */
    public static final EncoderConfig ENCODER = new EncoderConfig(TestingModels.sotuVocabulary().size(), 32, 3, 4, 64, 48, 2, 3, 0.1, 1e-12,
            Activation.GELU_ERF, 0.02);
    public static final List<String> ADDRESSES = List.of(WASHINGTON_1790, HOOVER_1932, NIXON_1973);

    private TestingInferenceModels()
    {
    }

    public static PretrainedModel encoder()
    {
        ModelParameters parameters = parameters(EncoderLayout.parameters(ENCODER));
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (ParameterSpec spec : EncoderLayout.parameters(ENCODER)) {
            arrays.put(spec.name(), parameters.get(spec.name()));
        }
        return new PretrainedModel(Path.of("testing-encoder"), ENCODER, vocabulary(), arrays, List.of());
    }

    public static FineTunedModel classifier(FinetuneKind kind, List<String> labels)
    {
        List<ParameterSpec> specs = new ArrayList<>(EncoderLayout.parameters(ENCODER));
        HeadSpec head = kind == FinetuneKind.SEQUENCE ? SequenceClassificationHead.of(labels.size()) : TokenClassificationHead.of(labels.size());
        specs.addAll(HeadLayout.parameters(FineTunedModel.HEAD, head, ENCODER));
        return new FineTunedModel(ENCODER, kind, labels, 1, ENCODER.maxPositions(), vocabulary(), parameters(specs));
    }

    /** Every sentence of an address, by OpenNLP's sentence detector. */
    public static List<String> sentences(String address)
    {
        SentenceDetectorME detector = TestingModels.english().newSentenceDetector();
        List<String> sentences = new ArrayList<>();
        for (String line : sotuText(address).split("\n")) {
            if (!line.isBlank()) {
                sentences.addAll(List.of(detector.sentDetect(line)));
            }
        }
        return sentences;
    }

    /** The texts as one batch of single-text inputs ({@code [CLS]} pieces {@code [SEP]}, cut to fit), labelled 0. */
    public static Batch batch(WordPieceVocabulary vocabulary, List<String> texts)
    {
        List<Example> examples = new ArrayList<>();
        for (String text : texts) {
            InputBuilder input = InputBuilder.start(vocabulary, ENCODER.maxPositions());
            int[] pieces = vocabulary.encode(text);
            for (int i = 0; i < pieces.length && input.remaining() > 1; i++) {
                input.add(pieces[i]);
            }
            examples.add(input.separator().build(new SequenceLabel(0)));
        }
        return Batch.of(examples, vocabulary.padId());
    }

    private static WordPieceVocabulary vocabulary()
    {
        return TestingModels.sotuVocabulary();
    }

    private static ModelParameters parameters(List<ParameterSpec> specs)
    {
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        parameters.addMissing(specs, new ParameterInitializer(11, 0.2));
        return parameters;
    }
}
