package org.ernie4j.tasks.semantic;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How many marked pairs of some documents carry each discourse relation, split by where the marker is (opening a
 * sentence, or inside one), with the number of adjacent sentence pairs examined: the class counts of
 * {@link DiscourseRelationTask#classCounts}. Immutable.
 *
 * <p>The task's reporter can count only skips, and the core prints nothing else per task, so this is how a user (a test,
 * a command) sees the mix of relations a corpus yields before configuring {@code max-class-share} or
 * {@code class-weights}.
 */
public final class RelationCounts
{
    private final List<String> classes;
    private final long[] counts;
    private final long[] inside;
    private final long pairs;

    /**
     * @param opening by class, the pairs whose marker opens the second sentence
     * @param inside by class, the pairs whose marker joins two clauses inside a sentence
     * @param pairs the adjacent sentence pairs examined
     */
    RelationCounts(List<String> classes, long[] opening, long[] inside, long pairs)
    {
        this.classes = List.copyOf(requireNonNull(classes, "classes is null"));
        requireNonNull(opening, "opening is null");
        requireNonNull(inside, "inside is null");
        if (opening.length != this.classes.size() || inside.length != this.classes.size()) {
            throw new IllegalArgumentException(opening.length + " and " + inside.length + " counts for " + this.classes.size() + " classes");
        }
        this.inside = inside.clone();
        this.counts = new long[opening.length];
        for (int i = 0; i < opening.length; i++) {
            counts[i] = opening[i] + inside[i];
        }
        this.pairs = pairs;
    }

    /** The relation classes, in label order. */
    public List<String> classes()
    {
        return classes;
    }

    /** The pairs with a marker of this class, wherever the marker is. */
    public long count(String relation)
    {
        return counts[label(relation)];
    }

    /** The pairs of this class whose marker is inside a sentence. */
    public long inside(String relation)
    {
        return inside[label(relation)];
    }

    /** The pairs of this class whose marker opens a sentence. */
    public long opening(String relation)
    {
        int label = label(relation);
        return counts[label] - inside[label];
    }

    private int label(String relation)
    {
        int index = classes.indexOf(requireNonNull(relation, "relation is null"));
        if (index < 0) {
            throw new IllegalArgumentException("no relation class '" + relation + "'; the classes are " + classes);
        }
        return index;
    }

    /** The pairs with a marker of the class with this label. */
    public long count(int label)
    {
        return counts[label];
    }

    /** The counts by class, in label order. */
    public Map<String, Long> counts()
    {
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            byClass.put(classes.get(i), counts[i]);
        }
        return Collections.unmodifiableMap(byClass);
    }

    /** The pairs with a marker of any class: the examples these documents can make. */
    public long total()
    {
        return Arrays.stream(counts).sum();
    }

    /** The pairs whose marker is inside a sentence, of any class. */
    public long insideTotal()
    {
        return Arrays.stream(inside).sum();
    }

    /** The adjacent sentence pairs examined, with a marker or not. */
    public long pairs()
    {
        return pairs;
    }

    /** The share of a class among the pairs with a marker; 0 when there are none. */
    public double share(String relation)
    {
        long total = total();
        return total == 0 ? 0 : (double) count(relation) / total;
    }

    /**
     * One line such as {@code 57 marked pairs (12 inside sentences) in 1204 sentence pairs: contrast 30 (52.6%), result 9
     * (15.8%), ...}, classes in label order.
     */
    @Override
    public String toString()
    {
        long total = total();
        StringBuilder line = new StringBuilder().append(total).append(" marked pairs (").append(insideTotal()).append(" inside sentences) in ")
                .append(pairs).append(" sentence pairs");
        for (int i = 0; i < counts.length; i++) {
            line.append(i == 0 ? ": " : ", ").append(classes.get(i)).append(' ').append(counts[i]);
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * counts[i] / total));
            }
        }
        return line.toString();
    }
}
