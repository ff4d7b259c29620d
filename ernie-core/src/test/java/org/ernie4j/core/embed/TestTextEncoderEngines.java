package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.pretrained.PretrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * TextEncoder on the fused engine gives what it gives on the SameDiff graph, the model's definition, within float rounding:
 * every piece vector, the pooled vector and the mean, for sentences of the test addresses (some longer than the model's
 * positions, so cut), batched by length and handed back in the caller's order.
 */
class TestTextEncoderEngines
{
    private static final float TOLERANCE = 1e-4f;

    private static PretrainedModel model;
    private static List<String> texts;

    @BeforeAll
    static void modelAndTexts()
    {
        model = TestingInferenceModels.encoder();
        texts = new ArrayList<>();
        for (String address : TestingInferenceModels.ADDRESSES) {
            // Every fifth sentence: short and long ones, from three centuries, in the order of the addresses (not by length).
            List<String> sentences = TestingInferenceModels.sentences(address);
            for (int i = 0; i < sentences.size(); i += 5) {
                texts.add(sentences.get(i));
            }
        }
    }

    @Test
    void fusedEncodingsAreTheGraphs()
    {
        try (TextEncoder fused = new TextEncoder(model, 2, EngineKind.FUSED, 3);
                TextEncoder graph = new TextEncoder(model, 2, EngineKind.SAMEDIFF, 1)) {
            assertThat(fused.engine()).isEqualTo(EngineKind.FUSED);
            assertThat(graph.engine()).isEqualTo(EngineKind.SAMEDIFF);
            List<Encoding> fromFused = fused.encode(texts);
            List<Encoding> fromGraph = graph.encode(texts);
            assertThat(fromFused).hasSize(texts.size());
            assertThat(fromFused.stream().mapToInt(encoding -> encoding.pieces().size()).max().orElseThrow())
                    .as("some sentences are cut to the model's positions").isEqualTo(TestingInferenceModels.ENCODER.maxPositions());
            for (int i = 0; i < texts.size(); i++) {
                Encoding expected = fromGraph.get(i);
                Encoding actual = fromFused.get(i);
                assertThat(actual.pieces()).isEqualTo(expected.pieces());
                assertClose(actual.mean(), expected.mean());
                assertClose(actual.pooled().orElseThrow(), expected.pooled().orElseThrow());
                for (int position = 0; position < expected.tokens().length; position++) {
                    assertClose(actual.tokens()[position], expected.tokens()[position]);
                }
            }
        }
    }

    @Test
    void embeddingsComeBackInTheCallersOrder()
    {
        try (TextEncoder encoder = new TextEncoder(model, 0, EngineKind.FUSED, 2)) {
            float[][] together = encoder.embed(texts, true);
            // The same texts alone: no batch, no padding, no sorting.
            for (int i = 0; i < texts.size(); i += 7) {
                assertClose(together[i], encoder.embed(List.of(texts.get(i)), true)[0]);
                assertClose(together[i], normalized(encoder.encode(texts.get(i)).mean()));
            }
        }
    }

    @Test
    void fusedEmbeddingsAreTheGraphs()
    {
        try (TextEncoder fused = new TextEncoder(model, 1, EngineKind.FUSED, 2);
                TextEncoder graph = new TextEncoder(model, 1, EngineKind.SAMEDIFF, 1)) {
            float[][] fromFused = fused.embed(texts, false);
            float[][] fromGraph = graph.embed(texts, false);
            for (int i = 0; i < texts.size(); i++) {
                assertClose(fromFused[i], fromGraph[i]);
            }
        }
    }

    private static float[] normalized(float[] vector)
    {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return unit;
    }

    private static void assertClose(float[] actual, float[] expected)
    {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
