package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ernie4j.spi.baseline.InputLayout;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.TokenLabels;

import static java.util.Objects.requireNonNull;

/**
 * Whether the answers of a task's examples can be read from their inputs, judged over all examples of a check at once
 * (a single example proves nothing: BERT's masking shows the original piece one time in ten, by design).
 *
 * <ul>
 * <li>Masked tokens: the share of predicted positions whose input shows the original piece must stay at or below a
 * bound. A generator that records the targets but forgets to replace them fails here.</li>
 * <li>Sequence labels: the label must not follow from the input's layout alone, meaning which special pieces it holds,
 * where the text runs and the segments change are, but not which words the text holds.</li>
 * <li>Token labels: the label of a position must not follow from the special pieces next to it alone, such as a
 * {@code [SEP]} put before every word that starts a sentence.</li>
 * </ul>
 *
 * <p>The layout checks fail only when the layout predicts every label of every example, with two classes or more among
 * at least {@value #MIN_ITEMS} labelled items: a task whose labels come from the text always has a layout that appears
 * with several labels. Custom targets are not judged.
 */
final class LeakCheck
{
    static final int MIN_ITEMS = 20;
    private static final int SHOWN_GROUPS = 3;

    private final Vocabulary vocabulary;
    private final InputLayout layout;
    private final double maxKeptShare;

    private int predicted;
    private int kept;
    private final Map<String, Set<Integer>> sequenceClasses = new TreeMap<>();
    private int sequenceItems;
    private final Map<String, Set<Integer>> tokenClasses = new TreeMap<>();
    private int tokenItems;

    LeakCheck(Vocabulary vocabulary, double maxKeptShare)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.layout = new InputLayout(vocabulary);
        this.maxKeptShare = maxKeptShare;
    }

    /** Takes one example into account; examples with ids outside the vocabulary are left to {@link ExampleCheck}. */
    void add(Example example)
    {
        for (int position = 0; position < example.length(); position++) {
            int id = example.inputId(position);
            if (id < 0 || id >= vocabulary.size()) {
                return;
            }
        }
        if (example.target() instanceof MaskedTokens masked) {
            for (int i = 0; i < masked.count(); i++) {
                predicted++;
                if (example.inputId(masked.position(i)) == masked.originalId(i)) {
                    kept++;
                }
            }
        }
        else if (example.target() instanceof SequenceLabel label) {
            sequenceClasses.computeIfAbsent(layout.structure(example), key -> new TreeSet<>()).add(label.label());
            sequenceItems++;
        }
        else if (example.target() instanceof TokenLabels labels) {
            for (int position = 0; position < labels.length(); position++) {
                if (labels.label(position) != TokenLabels.IGNORED) {
                    tokenClasses.computeIfAbsent(layout.neighbours(example, position), key -> new TreeSet<>()).add(labels.label(position));
                    tokenItems++;
                }
            }
        }
    }

    /** The leaks found in the examples added so far. */
    List<String> problems()
    {
        List<String> problems = new ArrayList<>();
        if (predicted >= MIN_ITEMS && kept > maxKeptShare * predicted) {
            problems.add(String.format(Locale.ROOT, "%d of %d masked positions (%.0f%%) show their original piece in the input, more than the"
                    + " %.0f%% allowed: the answer is in the input (BERT keeps 10%% unchanged)", kept, predicted, 100.0 * kept / predicted, 100 * maxKeptShare));
        }
        if (sequenceItems >= MIN_ITEMS && readableFromLayout(sequenceClasses)) {
            problems.add("the label of every example follows from the layout of its special pieces alone, " + describe(sequenceClasses)
                    + ": the answer leaks through how the input is built, not what its text says");
        }
        if (tokenItems >= MIN_ITEMS && readableFromLayout(tokenClasses)) {
            problems.add("the label of every position follows from the special pieces next to it alone, " + describe(tokenClasses)
                    + ": the answer leaks through how the input is built, not what its text says");
        }
        return problems;
    }

    private static boolean readableFromLayout(Map<String, Set<Integer>> classes)
    {
        Set<Integer> all = new TreeSet<>();
        classes.values().forEach(all::addAll);
        return all.size() > 1 && classes.values().stream().allMatch(labels -> labels.size() == 1);
    }

    private static String describe(Map<String, Set<Integer>> classes)
    {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> group : classes.entrySet()) {
            if (shown.size() == SHOWN_GROUPS) {
                shown.add("...");
                break;
            }
            shown.add("'" + group.getKey() + "' is always " + group.getValue().iterator().next());
        }
        return String.join(", ", shown);
    }
}
