package org.ernie4j.spi.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * The accuracy a task's labels allow without reading a word: the majority label, and the best of a few predictors that
 * see only the input's layout ({@link InputLayout}). Each layout predictor answers, for a description of the input or of
 * a position, the label most often seen with that description among training examples (the overall majority for a
 * description never seen), and is scored on other, held-out examples: learning and scoring on the same examples would
 * reward descriptions that happen to be unique.
 *
 * <p>A task whose model does not beat this baseline has learned nothing that the input's construction did not already
 * say: in sentence reordering, for example, the number of {@code [SEP]}s tells how many segments were shuffled and so
 * which order classes are possible, and a single segment has only one.
 */
public final class LayoutBaseline
{
    private final InputLayout layout;
    private final List<Map<String, Integer>> predictions;
    private final int fallback;

    private LayoutBaseline(InputLayout layout, List<Map<String, Integer>> predictions, int fallback)
    {
        this.layout = layout;
        this.predictions = predictions;
        this.fallback = fallback;
    }

    /** Learns the layout predictors from training examples. */
    public static LayoutBaseline learn(Vocabulary vocabulary, Iterable<Example> training)
    {
        InputLayout layout = new InputLayout(vocabulary);
        List<Map<String, Map<Integer, Long>>> counts = new ArrayList<>();
        Map<Integer, Long> overall = new HashMap<>();
        for (Example example : requireNonNull(training, "training is null")) {
            items(layout, example, item -> {
                overall.merge(item.label(), 1L, Long::sum);
                for (int feature = 0; feature < item.descriptions().size(); feature++) {
                    while (counts.size() <= feature) {
                        counts.add(new HashMap<>());
                    }
                    counts.get(feature).computeIfAbsent(item.descriptions().get(feature), key -> new HashMap<>())
                            .merge(item.label(), 1L, Long::sum);
                }
            });
        }
        List<Map<String, Integer>> predictions = new ArrayList<>();
        for (Map<String, Map<Integer, Long>> feature : counts) {
            Map<String, Integer> prediction = new HashMap<>();
            feature.forEach((description, labels) -> prediction.put(description, mostFrequent(labels)));
            predictions.add(Map.copyOf(prediction));
        }
        return new LayoutBaseline(layout, List.copyOf(predictions), overall.isEmpty() ? -1 : mostFrequent(overall));
    }

    /** The majority and layout accuracies on held-out examples. */
    public BaselineAccuracy score(Iterable<Example> heldOut)
    {
        Map<Integer, Long> labels = new HashMap<>();
        long[] right = new long[predictions.size()];
        long[] items = {0};
        for (Example example : requireNonNull(heldOut, "heldOut is null")) {
            items(layout, example, item -> {
                items[0]++;
                labels.merge(item.label(), 1L, Long::sum);
                for (int feature = 0; feature < predictions.size(); feature++) {
                    if (predictions.get(feature).getOrDefault(item.descriptions().get(feature), fallback) == item.label()) {
                        right[feature]++;
                    }
                }
            });
        }
        if (items[0] == 0) {
            return BaselineAccuracy.NONE;
        }
        double majority = (double) labels.values().stream().mapToLong(Long::longValue).max().orElseThrow() / items[0];
        double best = Double.NaN;
        for (long count : right) {
            best = Double.isNaN(best) ? (double) count / items[0] : Math.max(best, (double) count / items[0]);
        }
        return new BaselineAccuracy(items[0], majority, best);
    }

    /** The most frequent label; the smallest of those tied. */
    private static int mostFrequent(Map<Integer, Long> counts)
    {
        int best = -1;
        long bestCount = -1;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount || entry.getValue() == bestCount && entry.getKey() < best) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** One labelled item with its layout descriptions, one per predictor. */
    private record Item(int label, List<String> descriptions)
    {
    }

    private static void items(InputLayout layout, Example example, Consumer<Item> sink)
    {
        if (example.target() instanceof SequenceLabel label) {
            sink.accept(new Item(label.label(), List.of("structure " + layout.structure(example),
                    "lengths " + layout.structureWithLengths(example), "length " + example.length())));
        }
        else if (example.target() instanceof TokenLabels labels) {
            for (int position = 0; position < labels.length(); position++) {
                if (labels.label(position) != TokenLabels.IGNORED) {
                    sink.accept(positionItem(layout, example, position, labels.label(position)));
                }
            }
        }
        else if (example.target() instanceof MaskedTokens masked) {
            for (int i = 0; i < masked.count(); i++) {
                sink.accept(positionItem(layout, example, masked.position(i), masked.originalId(i)));
            }
        }
    }

    private static Item positionItem(InputLayout layout, Example example, int position, int label)
    {
        return new Item(label, List.of("neighbours " + layout.neighbours(example, position), "place " + layout.place(example, position)));
    }
}
