package org.ernie4j.core.baseline;

import java.util.List;

import org.ernie4j.core.finetune.LabelledItem;

/**
 * Turns a labelled item into the feature vectors of its instances: one for a text or pair, one per word of a word
 * sequence.
 */
sealed interface Featurizer
{
    List<FeatureVector> of(LabelledItem item);

    record OfTexts(TextFeatures features)
            implements Featurizer
    {
        @Override
        public List<FeatureVector> of(LabelledItem item)
        {
            if (!(item instanceof LabelledItem.Text text)) {
                throw new IllegalArgumentException(item.source() + ": expected a text or a pair of texts");
            }
            return List.of(features.of(text));
        }
    }

    record OfWords(WordFeatures features)
            implements Featurizer
    {
        @Override
        public List<FeatureVector> of(LabelledItem item)
        {
            if (!(item instanceof LabelledItem.Tokens tokens)) {
                throw new IllegalArgumentException(item.source() + ": expected words with a label each");
            }
            return features.of(tokens);
        }
    }
}
