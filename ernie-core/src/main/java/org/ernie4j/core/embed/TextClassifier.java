package org.ernie4j.core.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.execution.Execution;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.finetune.ItemEncoder;
import org.ernie4j.core.finetune.LabelledItem;
import org.ernie4j.spi.example.Example;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import static java.util.Objects.requireNonNull;

/**
 * A fine-tuned classifier for applications: a text (or pair) to a label with probabilities, or words to a label each.
 * It runs on the engine {@link Execution} picks (the fused engine where it can run) and owns its threads until
 * {@link #close()}. Safe for concurrent callers: calls are serialised, because neither engine's buffers may be shared;
 * {@link #classify(List)} classifies many texts in batches.
 */
@PublicApi
public final class TextClassifier
        implements AutoCloseable
{
    private final FineTunedModel model;
    private final Execution execution;
    private final ItemEncoder encoder;

    /** On the engine {@code auto} picks, with a thread per processor. */
    public TextClassifier(FineTunedModel model)
    {
        this(model, EngineKind.AUTO, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param engine which engine runs the model ({@code auto}: the fused engine where it can run)
     * @param threads the fused engine's threads (the SameDiff engine uses ND4J's own)
     */
    public TextClassifier(FineTunedModel model, EngineKind engine, int threads)
    {
        this.model = requireNonNull(model, "model is null");
        this.execution = Execution.forInference(requireNonNull(engine, "engine is null"), model.encoder(), model.parameters(), threads);
        this.encoder = new ItemEncoder(model.vocabulary(), model.maxLength(), model.labels());
    }

    /** The classifier written by {@code ernie finetune} (its {@code best} directory). */
    public static TextClassifier load(Path model)
    {
        return new TextClassifier(FineTunedModel.load(model));
    }

    /** The engine that runs: {@code fused} or {@code samediff}. */
    public EngineKind engine()
    {
        return execution.kind();
    }

    public List<String> labels()
    {
        return model.labels();
    }

    public Classification classify(String text)
    {
        return classify(text, null);
    }

    /** The label of a text, or of a pair when {@code pair} is not null. */
    public synchronized Classification classify(String text, String pair)
    {
        requireSequence();
        Example example = encoder.encodeUnlabelled(requireNonNull(text, "text is null"), pair);
        return classification(probabilitiesTogether(List.of(example)).get(0));
    }

    /** The label of each text, in the order given, computed in batches of texts of similar length. */
    public synchronized List<Classification> classify(List<String> texts)
    {
        requireSequence();
        List<Example> examples = new ArrayList<>(texts.size());
        for (String text : texts) {
            examples.add(encoder.encodeUnlabelled(requireNonNull(text, "a text is null"), null));
        }
        List<Classification> classifications = new ArrayList<>(texts.size());
        for (float[] probabilities : probabilitiesTogether(examples)) {
            classifications.add(classification(probabilities));
        }
        return List.copyOf(classifications);
    }

    private Classification classification(float[] probabilities)
    {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        int best = 0;
        for (int label = 0; label < model.labels().size(); label++) {
            byLabel.put(model.labels().get(label), (double) probabilities[label]);
            if (probabilities[label] > probabilities[best]) {
                best = label;
            }
        }
        return new Classification(model.labels().get(best), byLabel);
    }

    /** The label probabilities of the texts, in batches of similar length, in the texts' order. */
    private List<float[]> probabilitiesTogether(List<Example> inputs)
    {
        return LengthSortedBatches.inOrder(inputs, TextEncoder.BATCH, examples -> {
            INDArray probabilities = Transforms.softmax(logits(examples), false);
            List<float[]> rows = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                rows.add(probabilities.getRow(i).toFloatVector());
            }
            return rows;
        });
    }

    private INDArray logits(List<Example> examples)
    {
        return execution.engine().logits(model.head(), Batch.of(examples, model.vocabulary().padId()));
    }

    /** One label per word, for a token classifier; words past the model's longest input get none. */
    public synchronized List<String> labelWords(List<String> words)
    {
        if (model.kind() != FinetuneKind.TOKEN) {
            throw new IllegalStateException("this is a sequence classifier; use classify(text)");
        }
        List<String> placeholder = new ArrayList<>();
        words.forEach(word -> placeholder.add(model.labels().get(0)));
        Example example = encoder.encode(new LabelledItem.Tokens(words, placeholder, "input"));
        INDArray logits = logits(List.of(example));
        List<String> labels = new ArrayList<>();
        int position = 1;
        for (String word : words) {
            if (position >= example.length() - 1) {
                break;
            }
            labels.add(model.labels().get(logits.getRow(position).argMax().getInt(0)));
            position += Math.max(1, model.vocabulary().encode(word).length);
        }
        return labels;
    }

    private void requireSequence()
    {
        if (model.kind() != FinetuneKind.SEQUENCE) {
            throw new IllegalStateException("this is a token classifier; use labelWords(words)");
        }
    }

    @Override
    public synchronized void close()
    {
        execution.close();
    }
}
