package org.ernie4j.core.interop;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;

import static java.util.Objects.requireNonNull;
import static org.ernie4j.core.model.EncoderLayout.beta;
import static org.ernie4j.core.model.EncoderLayout.bias;
import static org.ernie4j.core.model.EncoderLayout.gamma;
import static org.ernie4j.core.model.EncoderLayout.weight;

/**
 * Which Hugging Face BERT/ERNIE tensor each ernie4j parameter is. ernie4j stores a dense layer's weight {@code [in, out]}
 * (a layer computes {@code x W + b}); {@code nn.Linear} stores it {@code [out, in]}, so those are transposed on the way in
 * and out. Embedding tables, biases and layer-norm parameters have the same layout on both sides.
 *
 * <p>The masked-token head of a task maps onto BERT's {@code cls.predictions}: both are a dense transform, the activation,
 * a layer norm, and an output layer tied to the word embeddings with a bias of its own.
 */
public final class BertParameterNames
{
    /** BERT's masked-LM head. */
    public static final String MASKED_LM_PREFIX = "cls.predictions.";
    /** The written-out copy of the tied output layer that some files carry. */
    public static final String TIED_DECODER_WEIGHT = "cls.predictions.decoder.weight";
    public static final String TIED_DECODER_BIAS = "cls.predictions.decoder.bias";
    public static final String MASKED_LM_BIAS = "cls.predictions.bias";
    public static final String TASK_EMBEDDING = "embeddings.task_type_embeddings.weight";
    public static final String WORD_EMBEDDING = "embeddings.word_embeddings.weight";
    /** BERT's pooler; models saved without one (sentence-transformers, {@code add_pooling_layer=False}) lack both tensors. */
    public static final String POOLER = "pooler.dense";
    public static final String POOLER_WEIGHT = POOLER + ".weight";
    public static final String POOLER_BIAS = POOLER + ".bias";

    private BertParameterNames()
    {
    }

    /**
     * One parameter on both sides.
     *
     * @param ours the ernie4j name
     * @param theirs the Hugging Face name (without a {@code bert.} or {@code ernie.} prefix)
     * @param transposed whether the Hugging Face tensor is the transpose of ours
     */
    public record Mapping(String ours, String theirs, boolean transposed)
    {
        public Mapping
        {
            requireNonNull(ours, "ours is null");
            requireNonNull(theirs, "theirs is null");
        }
    }

    /** The encoder's parameters, in ernie4j's order (embeddings, layers, pooler). */
    public static List<Mapping> encoder(EncoderConfig config)
    {
        List<Mapping> mappings = new ArrayList<>();
        mappings.add(new Mapping(EncoderLayout.TOKEN_EMBEDDING, WORD_EMBEDDING, false));
        mappings.add(new Mapping(EncoderLayout.POSITION_EMBEDDING, "embeddings.position_embeddings.weight", false));
        mappings.add(new Mapping(EncoderLayout.SEGMENT_EMBEDDING, "embeddings.token_type_embeddings.weight", false));
        mappings.add(new Mapping(EncoderLayout.TASK_EMBEDDING, TASK_EMBEDDING, false));
        norm(mappings, EncoderLayout.EMBEDDING_NORM, "embeddings.LayerNorm");
        for (int layer = 0; layer < config.layers(); layer++) {
            String prefix = "encoder.layer." + layer + ".";
            dense(mappings, EncoderLayout.attention(layer, "query"), prefix + "attention.self.query");
            dense(mappings, EncoderLayout.attention(layer, "key"), prefix + "attention.self.key");
            dense(mappings, EncoderLayout.attention(layer, "value"), prefix + "attention.self.value");
            dense(mappings, EncoderLayout.attention(layer, "output"), prefix + "attention.output.dense");
            norm(mappings, EncoderLayout.attentionNorm(layer), prefix + "attention.output.LayerNorm");
            dense(mappings, EncoderLayout.feedForwardIn(layer), prefix + "intermediate.dense");
            dense(mappings, EncoderLayout.feedForwardOut(layer), prefix + "output.dense");
            norm(mappings, EncoderLayout.feedForwardNorm(layer), prefix + "output.LayerNorm");
        }
        dense(mappings, EncoderLayout.POOLER, POOLER);
        return List.copyOf(mappings);
    }

    /** The masked-token head of task {@code taskName} as BERT's {@code cls.predictions} (the tied weights excluded). */
    public static List<Mapping> maskedLmHead(String taskName)
    {
        List<Mapping> mappings = new ArrayList<>();
        dense(mappings, HeadLayout.transform(taskName), MASKED_LM_PREFIX + "transform.dense");
        norm(mappings, HeadLayout.transformNorm(taskName), MASKED_LM_PREFIX + "transform.LayerNorm");
        mappings.add(new Mapping(HeadLayout.outputBias(taskName), MASKED_LM_BIAS, false));
        return List.copyOf(mappings);
    }

    private static void dense(List<Mapping> mappings, String ours, String theirs)
    {
        mappings.add(new Mapping(weight(ours), theirs + ".weight", true));
        mappings.add(new Mapping(bias(ours), theirs + ".bias", false));
    }

    private static void norm(List<Mapping> mappings, String ours, String theirs)
    {
        mappings.add(new Mapping(gamma(ours), theirs + ".weight", false));
        mappings.add(new Mapping(beta(ours), theirs + ".bias", false));
    }
}
