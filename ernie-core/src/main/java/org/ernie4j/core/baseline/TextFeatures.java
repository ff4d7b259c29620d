package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.finetune.LabelledItem;

/**
 * Features of a text or a pair of texts from their words, with inverse document frequencies fitted on the training
 * texts.
 *
 * <p>A single text is the classic bag of words: its words and word pairs (bigrams), each weighted by {@code (1 + ln tf)
 * idf}, the vector scaled to length 1. A pair is described by how its two texts relate, since a label such as "same
 * source" does not depend on what either text says alone: every term the two share, weighted by the geometric mean of
 * its two weights (so that the squares sum to the texts' cosine similarity, and the classifier learns which shared terms
 * count), the cosine itself and the Jaccard overlap of their word sets, each also as indicators of the twentieths it
 * reaches (a linear model can then place a threshold anywhere; AdaGrad moves every weight at about the same pace, so a
 * similarity of 0.1 given only as a value would need a hundred times the steps to count).
 */
final class TextFeatures
{
    /** Similarities are also given as indicators of passing each 1/20 step, so that a linear model can set a threshold. */
    private static final int THRESHOLDS = 20;

    private final Map<String, Double> idf;
    private final double unseenIdf;
    private final int bits;

    private TextFeatures(Map<String, Double> idf, double unseenIdf, int bits)
    {
        this.idf = Map.copyOf(idf);
        this.unseenIdf = unseenIdf;
        this.bits = bits;
    }

    /** Document frequencies from the training items (both texts of a pair count as documents). */
    static TextFeatures fit(List<LabelledItem.Text> training, int bits)
    {
        Map<String, Integer> documentFrequency = new HashMap<>();
        int documents = 0;
        for (LabelledItem.Text item : training) {
            for (String text : item.pair() == null ? List.of(item.text()) : List.of(item.text(), item.pair())) {
                new HashSet<>(terms(text)).forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
                documents++;
            }
        }
        Map<String, Double> idf = new HashMap<>();
        for (Map.Entry<String, Integer> entry : documentFrequency.entrySet()) {
            idf.put(entry.getKey(), inverse(documents, entry.getValue()));
        }
        return new TextFeatures(idf, inverse(documents, 0), bits);
    }

    FeatureVector of(LabelledItem.Text item)
    {
        FeatureVector.Builder features = new FeatureVector.Builder(bits).add("bias", 1);
        Map<String, Double> first = weights(item.text());
        if (item.pair() == null) {
            first.forEach(features::add);
            return features.build();
        }
        Map<String, Double> second = weights(item.pair());
        double cosine = 0;
        for (Map.Entry<String, Double> entry : first.entrySet()) {
            Double other = second.get(entry.getKey());
            if (other != null) {
                double product = entry.getValue() * other;
                features.add("both " + entry.getKey(), Math.sqrt(product));
                cosine += product;
            }
        }
        double jaccard = jaccard(Set.copyOf(Words.of(item.text())), Set.copyOf(Words.of(item.pair())));
        features.add("cosine", cosine).add("jaccard", jaccard);
        for (int step = 1; step < THRESHOLDS; step++) {
            double threshold = (double) step / THRESHOLDS;
            if (cosine >= threshold) {
                features.add("cosine at least " + step, 1);
            }
            if (jaccard >= threshold) {
                features.add("jaccard at least " + step, 1);
            }
        }
        return features.build();
    }

    /** The text's terms weighted by {@code (1 + ln tf) idf}, scaled to length 1. */
    private Map<String, Double> weights(String text)
    {
        Map<String, Integer> frequency = new LinkedHashMap<>();
        terms(text).forEach(term -> frequency.merge(term, 1, Integer::sum));
        Map<String, Double> weights = new LinkedHashMap<>();
        double squares = 0;
        for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
            double weight = (1 + Math.log(entry.getValue())) * idf.getOrDefault(entry.getKey(), unseenIdf);
            weights.put(entry.getKey(), weight);
            squares += weight * weight;
        }
        double length = Math.sqrt(squares);
        if (length > 0) {
            weights.replaceAll((term, weight) -> weight / length);
        }
        return weights;
    }

    /** Words and adjacent word pairs. */
    private static List<String> terms(String text)
    {
        List<String> words = Words.of(text);
        List<String> terms = new ArrayList<>(2 * words.size());
        for (int i = 0; i < words.size(); i++) {
            terms.add("w " + words.get(i));
            if (i > 0) {
                terms.add("b " + words.get(i - 1) + " " + words.get(i));
            }
        }
        return terms;
    }

    /** Smoothed, so that a term of every document still counts a little and an unseen one most. */
    private static double inverse(int documents, int frequency)
    {
        return Math.log((documents + 1.0) / (frequency + 1.0)) + 1;
    }

    private static double jaccard(Set<String> first, Set<String> second)
    {
        if (first.isEmpty() && second.isEmpty()) {
            return 0;
        }
        long shared = first.stream().filter(second::contains).count();
        return (double) shared / (first.size() + second.size() - shared);
    }
}
