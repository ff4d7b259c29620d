package org.ernie4j.core.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * Accuracy, per-class precision, recall and F1, macro-F1 and the confusion matrix of predicted against gold labels.
 *
 * @param labels the class names, by index
 * @param confusion {@code confusion[gold][predicted]} counts
 */
@PublicApi
public record ClassificationMetrics(List<String> labels, long[][] confusion)
{
    public ClassificationMetrics
    {
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(confusion, "confusion is null");
    }

    /**
     * @param ignored a gold label to leave out of the counts (e.g. {@code -1} for unlabelled positions)
     */
    public static ClassificationMetrics of(List<String> labels, int[] gold, int[] predicted, int ignored)
    {
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] != ignored) {
                confusion[gold[i]][predicted[i]]++;
            }
        }
        return new ClassificationMetrics(labels, confusion);
    }

    public long total()
    {
        long total = 0;
        for (long[] row : confusion) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    public double accuracy()
    {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /**
     * The metric a fine-tuning configuration names ({@code training.metric}): {@code macro-f1} is {@link #macroF1()},
     * anything else (the configuration allows only {@code accuracy}) {@link #accuracy()}.
     */
    public double named(String metric)
    {
        return metric.equals("macro-f1") ? macroF1() : accuracy();
    }

    /** Per-class precision, recall and F1, and how many gold items the class has. */
    public record ClassScore(String label, double precision, double recall, double f1, long support)
    {
    }

    public List<ClassScore> perClass()
    {
        List<ClassScore> scores = new ArrayList<>();
        for (int label = 0; label < labels.size(); label++) {
            long truePositives = confusion[label][label];
            long predicted = 0;
            long gold = 0;
            for (int other = 0; other < labels.size(); other++) {
                predicted += confusion[other][label];
                gold += confusion[label][other];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = gold == 0 ? 0 : (double) truePositives / gold;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScore(labels.get(label), precision, recall, f1, gold));
        }
        return scores;
    }

    /** The mean F1 over classes that occur in the gold labels. */
    public double macroF1()
    {
        return perClass().stream().filter(score -> score.support() > 0).mapToDouble(ClassScore::f1).average().orElse(Double.NaN);
    }

    /**
     * Micro-averaged precision, recall and F1 over every class except {@code outside} (the usual score of token
     * labelling, where the outside class would dominate), as {precision, recall, f1}.
     */
    public double[] microExcluding(String outside)
    {
        int excluded = labels.indexOf(outside);
        long truePositives = 0;
        long predicted = 0;
        long gold = 0;
        for (int label = 0; label < labels.size(); label++) {
            if (label == excluded) {
                continue;
            }
            truePositives += confusion[label][label];
            for (int other = 0; other < labels.size(); other++) {
                predicted += confusion[other][label];
                gold += confusion[label][other];
            }
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = gold == 0 ? 0 : (double) truePositives / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    /** The metrics as a plain-text table: per class, then accuracy and macro-F1, then the confusion matrix. */
    public String table()
    {
        int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + width + "s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (ClassScore score : perClass()) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s %9.4f %9.4f %9.4f %8d%n", score.label(), score.precision(), score.recall(),
                    score.f1(), score.support()));
        }
        text.append(String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f, %d items%n", accuracy(), macroF1(), total()));
        text.append("confusion (rows gold, columns predicted):\n");
        text.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        labels.forEach(label -> text.append(String.format(Locale.ROOT, " %" + Math.max(6, label.length()) + "s", label)));
        text.append('\n');
        for (int gold = 0; gold < labels.size(); gold++) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(gold)));
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                text.append(String.format(Locale.ROOT, " %" + Math.max(6, labels.get(predicted).length()) + "d", confusion[gold][predicted]));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
