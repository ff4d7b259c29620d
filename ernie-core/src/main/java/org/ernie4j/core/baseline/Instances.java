package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.finetune.ClassificationMetrics;
import org.ernie4j.core.finetune.LabelledItem;

/**
 * The feature vectors of a split's instances and their label indices.
 */
record Instances(List<FeatureVector> features, int[] labels)
{
    Instances
    {
        features = List.copyOf(features);
        labels = labels.clone();
    }

    static Instances of(List<LabelledItem> items, Featurizer featurizer, List<String> labelNames)
    {
        List<FeatureVector> features = new ArrayList<>();
        for (LabelledItem item : items) {
            features.addAll(featurizer.of(item));
        }
        return new Instances(features, labelIndices(items, labelNames));
    }

    /** One vector per item, in the items' order. */
    static Instances ofItems(List<FeatureVector> features, List<LabelledItem> items, List<String> labelNames)
    {
        if (features.size() != items.size()) {
            throw new IllegalArgumentException(features.size() + " vectors for " + items.size() + " items");
        }
        return new Instances(features, labelIndices(items, labelNames));
    }

    /** The items' labels (a word sequence's, word by word) as indices of {@code labelNames}. */
    private static int[] labelIndices(List<LabelledItem> items, List<String> labelNames)
    {
        List<Integer> labels = new ArrayList<>();
        for (LabelledItem item : items) {
            List<String> itemLabels = item instanceof LabelledItem.Text text ? List.of(text.label()) : ((LabelledItem.Tokens) item).labels();
            for (String label : itemLabels) {
                int index = labelNames.indexOf(label);
                if (index < 0) {
                    throw new IllegalArgumentException(item.source() + ": label '" + label + "' does not occur in the training data " + labelNames);
                }
                labels.add(index);
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    int size()
    {
        return features.size();
    }

    long featureCount()
    {
        return features.stream().mapToLong(FeatureVector::size).sum();
    }

    ClassificationMetrics metrics(SoftmaxRegression classifier, List<String> labelNames)
    {
        int[] predicted = new int[features.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = classifier.predict(features.get(i));
        }
        return ClassificationMetrics.of(labelNames, labels, predicted, -1);
    }
}
