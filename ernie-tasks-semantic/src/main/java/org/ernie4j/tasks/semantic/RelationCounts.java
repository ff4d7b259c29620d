package org.ernie4j.tasks.semantic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How many sentence pairs of some documents carry each discourse relation: the class counts of
 * {@link DiscourseMarkers#classCounts(Iterable)}, with the number of adjacent pairs examined. Immutable.
 *
 * <p>The task's reporter can count only skips, and the core prints nothing else per task, so this is how a user (a test,
 * a command) sees the mix of relations a corpus yields before configuring {@code max-class-share} or
 * {@code class-weights}.
 */
public final class RelationCounts
{
    private final List<String> classes;
    private final long[] counts;
    private final long pairs;

    RelationCounts(List<String> classes, long[] counts, long pairs)
    {
        this.classes = List.copyOf(requireNonNull(classes, "classes is null"));
        requireNonNull(counts, "counts is null");
        if (counts.length != this.classes.size()) {
            throw new IllegalArgumentException(counts.length + " counts for " + this.classes.size() + " classes");
        }
        this.counts = counts.clone();
        this.pairs = pairs;
    }

    /** The relation classes, in label order. */
    public List<String> classes()
    {
        return classes;
    }

    /** The pairs with a marker of this class. */
    public long count(String relation)
    {
        int index = classes.indexOf(requireNonNull(relation, "relation is null"));
        if (index < 0) {
            throw new IllegalArgumentException("no relation class '" + relation + "'; the classes are " + classes);
        }
        return counts[index];
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
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
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

    /** One line such as {@code 57 of 1204 pairs: contrast 30 (52.6%), result 9 (15.8%), ...}, classes in label order. */
    @Override
    public String toString()
    {
        long total = total();
        StringBuilder line = new StringBuilder().append(total).append(" of ").append(pairs).append(" pairs");
        for (int i = 0; i < counts.length; i++) {
            line.append(i == 0 ? ": " : ", ").append(classes.get(i)).append(' ').append(counts[i]);
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * counts[i] / total));
            }
        }
        return line.toString();
    }
}
