package org.ernie4j.core.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.finetune.ClassificationMetrics;
import org.ernie4j.core.support.Seeds;

/**
 * Trains a linear classifier on fixed features under a fine-tuning's protocol: at most {@code training.epochs} epochs in
 * orders drawn from {@code training.seed}, the dev metric after each, early stopping after {@code training.patience}
 * epochs without improvement, and the best dev epoch's test metrics.
 */
final class LinearTraining
{
    private static final double LEARNING_RATE = 0.1;
    private static final long ORDER_STREAM = 0x4C455849L;

    private LinearTraining()
    {
    }

    static BaselineResult run(Instances train, Instances dev, Instances test, List<String> labels, int bits, FinetuneConfig.Training training,
            Consumer<String> progress)
    {
        SoftmaxRegression classifier = new SoftmaxRegression(labels.size(), bits, LEARNING_RATE);
        List<Double> history = new ArrayList<>();
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        ClassificationMetrics bestTest = null;
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            double loss = classifier.epoch(train.features(), train.labels(), Seeds.random(training.seed(), ORDER_STREAM, epoch));
            ClassificationMetrics devMetrics = dev.metrics(classifier, labels);
            double score = devMetrics.named(training.metric());
            history.add(score);
            boolean improved = score > bestScore;
            progress.accept(String.format("epoch %d: training loss %.4f, dev %s %.4f%s", epoch, loss, training.metric(), score,
                    improved ? " (best so far, kept)" : ""));
            if (improved) {
                bestScore = score;
                bestEpoch = epoch;
                // Test is scored at every improvement rather than the weights copied: it chooses nothing, so the figure
                // is the best dev epoch's, as a fine-tuning's is.
                bestTest = test.size() == 0 ? null : test.metrics(classifier, labels);
            }
            else if (epoch - bestEpoch >= training.patience()) {
                progress.accept("no improvement for " + training.patience() + " epoch(s): stopping early");
                break;
            }
        }
        return new BaselineResult(history, bestEpoch, bestTest, train.featureCount());
    }
}
