package org.ernie4j.core.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.ernie4j.core.config.FinetuneConfig;
import org.ernie4j.core.support.Seeds;

import static java.util.Objects.requireNonNull;

/**
 * The train, dev and test items of a fine-tuning run, and the label set (sorted, from the training data, so that the
 * index of every label is a pure function of the data).
 */
public record FinetuneData(FinetuneKind kind, List<LabelledItem> train, List<LabelledItem> dev, List<LabelledItem> test, List<String> labels)
{
    private static final long SPLIT_STREAM = 0x53504C4954L;

    public FinetuneData
    {
        requireNonNull(kind, "kind is null");
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
        labels = List.copyOf(labels);
    }

    /**
     * Reads the configured files; dev and test, when not given as files, are drawn from train by the configured shares
     * (by the seed, so the same every time).
     */
    public static FinetuneData load(FinetuneConfig.DataSection data, long seed)
    {
        FinetuneKind kind = data.kind().equals("token") ? FinetuneKind.TOKEN : FinetuneKind.SEQUENCE;
        List<LabelledItem> train = new ArrayList<>(LabelledDataReader.read(Path.of(data.train()), kind));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(Seeds.mix(seed, SPLIT_STREAM)));
        List<LabelledItem> dev = data.dev() != null ? LabelledDataReader.read(Path.of(data.dev()), kind) : take(train, order, data.split().get(0));
        List<LabelledItem> test = data.test() != null ? LabelledDataReader.read(Path.of(data.test()), kind) : take(train, order, data.split().get(1));
        List<LabelledItem> remaining = new ArrayList<>();
        for (int index = 0; index < train.size(); index++) {
            if (train.get(index) != null) {
                remaining.add(train.get(index));
            }
        }
        if (remaining.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("data.train " + data.train() + " has too few items to train and evaluate on (" + train.size() + ")");
        }
        return new FinetuneData(kind, remaining, dev, test, labels(remaining));
    }

    /** Takes {@code share} of the items in {@code order} out of {@code items} (leaving nulls behind). */
    private static List<LabelledItem> take(List<LabelledItem> items, List<Integer> order, double share)
    {
        int count = (int) Math.round(share * items.size());
        List<LabelledItem> taken = new ArrayList<>();
        for (int index : order) {
            if (taken.size() == count) {
                break;
            }
            if (items.get(index) != null) {
                taken.add(items.get(index));
                items.set(index, null);
            }
        }
        return taken;
    }

    private static List<String> labels(List<LabelledItem> items)
    {
        TreeSet<String> labels = new TreeSet<>();
        for (LabelledItem item : items) {
            if (item instanceof LabelledItem.Text text) {
                labels.add(text.label());
            }
            else {
                labels.addAll(((LabelledItem.Tokens) item).labels());
            }
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("the training data has " + labels.size() + " label(s); a classifier needs at least 2");
        }
        return List.copyOf(labels);
    }

    /** The items of {@code items} in an order shuffled for an epoch. */
    static List<LabelledItem> shuffled(List<LabelledItem> items, long seed, int epoch)
    {
        List<LabelledItem> copy = new ArrayList<>(items);
        SplittableRandom random = Seeds.random(seed, epoch);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            LabelledItem swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
