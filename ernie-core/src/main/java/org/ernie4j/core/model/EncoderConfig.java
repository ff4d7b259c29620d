package org.ernie4j.core.model;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;

/**
 * The shape of the shared Transformer encoder: sizes of the embeddings and layers, and the numerical details that a
 * checkpoint must agree on.
 *
 * @param vocabularySize rows of the token embedding (the WordPiece vocabulary size)
 * @param hidden width of every layer
 * @param layers number of Transformer layers
 * @param heads attention heads per layer; must divide {@code hidden}
 * @param intermediate width of the feed-forward layer
 * @param maxPositions rows of the position embedding: the longest input the model accepts
 * @param segmentTypes rows of the segment embedding
 * @param taskTypes rows of the task embedding: the most tasks a model can learn
 * @param dropout hidden dropout probability (after the embeddings, the attention output and the feed-forward output)
 * @param layerNormEpsilon added to the variance in every layer norm
 * @param activation the feed-forward activation
 * @param initializerRange standard deviation of the truncated normal that initialises weights
 */
@PublicApi
public record EncoderConfig(
        int vocabularySize,
        int hidden,
        int layers,
        int heads,
        int intermediate,
        int maxPositions,
        int segmentTypes,
        int taskTypes,
        double dropout,
        double layerNormEpsilon,
        Activation activation,
        double initializerRange)
{
    public EncoderConfig
    {
        List<String> problems = problems(vocabularySize, hidden, layers, heads, intermediate, maxPositions, segmentTypes,
                taskTypes, dropout, layerNormEpsilon, initializerRange);
        if (activation == null) {
            problems.add("activation is null");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid encoder configuration: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(int vocabularySize, int hidden, int layers, int heads, int intermediate,
            int maxPositions, int segmentTypes, int taskTypes, double dropout, double layerNormEpsilon, double initializerRange)
    {
        List<String> problems = new ArrayList<>();
        if (vocabularySize < 6) {
            problems.add("vocabulary size " + vocabularySize + " is smaller than the 5 special tokens plus one piece");
        }
        if (hidden < 1 || layers < 1 || heads < 1 || intermediate < 1 || maxPositions < 2 || segmentTypes < 1 || taskTypes < 1) {
            problems.add("sizes must be positive (hidden " + hidden + ", layers " + layers + ", heads " + heads
                    + ", intermediate " + intermediate + ", max positions " + maxPositions + ", segment types " + segmentTypes
                    + ", task types " + taskTypes + ")");
        }
        else if (hidden % heads != 0) {
            problems.add("hidden size " + hidden + " is not divisible by the number of heads " + heads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            problems.add("dropout " + dropout + " is not in [0, 1)");
        }
        if (!(layerNormEpsilon > 0)) {
            problems.add("layer norm epsilon " + layerNormEpsilon + " is not positive");
        }
        if (!(initializerRange > 0)) {
            problems.add("initializer range " + initializerRange + " is not positive");
        }
        return problems;
    }

    public int headSize()
    {
        return hidden / heads;
    }

    /** The same configuration without dropout, for gradient checks and evaluation. */
    public EncoderConfig withoutDropout()
    {
        return new EncoderConfig(vocabularySize, hidden, layers, heads, intermediate, maxPositions, segmentTypes, taskTypes, 0,
                layerNormEpsilon, activation, initializerRange);
    }

    /** The number of encoder parameters (embeddings, layers and pooler; no task heads). */
    public long parameterCount()
    {
        long embeddings = (long) (vocabularySize + maxPositions + segmentTypes + taskTypes) * hidden + 2L * hidden;
        long attention = 4L * (hidden * (long) hidden + hidden) + 2L * hidden;
        long feedForward = (long) hidden * intermediate + intermediate + (long) intermediate * hidden + hidden + 2L * hidden;
        long pooler = (long) hidden * hidden + hidden;
        return embeddings + layers * (attention + feedForward) + pooler;
    }
}
