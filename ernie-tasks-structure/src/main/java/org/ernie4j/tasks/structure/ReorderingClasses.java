package org.ernie4j.tasks.structure;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The classes of sentence reordering: which permutation of how many segments a class index stands for.
 *
 * <p>A paragraph cut into {@code n} segments is shown in an <em>order</em>: {@code order[i]} is the original index (from
 * 0) of the segment shown at position {@code i}. Classes are numbered by segment count first, then by the order's rank
 * among the {@code n!} orders of {@code n} segments in lexicographic order:
 *
 * <pre>
 * class(n, order) = (1! + 2! + ... + (n-1)!) + rank(order)
 * </pre>
 *
 * so with at most {@code m} segments there are {@code k = 1! + 2! + ... + m!} classes (3 for m = 2, 9 for m = 3, 33 for
 * m = 4, 153 for m = 5). For m = 3:
 *
 * <table>
 * <caption>The classes of sentence reordering with at most 3 segments</caption>
 * <tr><th>class</th><th>0</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6</th><th>7</th><th>8</th></tr>
 * <tr><td>order</td><td>0</td><td>0 1</td><td>1 0</td><td>0 1 2</td><td>0 2 1</td><td>1 0 2</td><td>1 2 0</td>
 * <td>2 0 1</td><td>2 1 0</td></tr>
 * </table>
 *
 * The identity order of every {@code n} is a class of its own (class 0, 1 and 3 above): a paragraph left in order is a
 * possible outcome of the shuffle and has to be recognised as such. A class's number does not depend on {@code m}:
 * raising {@code m} only appends classes, so the classes of a smaller {@code m} keep their meaning.
 *
 * <p>To restore the original order of the segments shown in a class's order, put the segment shown at position
 * {@code i} back at position {@code order[i]}: that applies the inverse permutation.
 */
public final class ReorderingClasses
{
    // 12! is the largest factorial of an int; the class count up to 12 segments (about 5.2e8) fits too.
    private static final int LARGEST_SEGMENT_COUNT = 12;

    private ReorderingClasses()
    {
    }

    /** The number of classes with 1 to {@code maxSegments} segments: {@code 1! + 2! + ... + maxSegments!}. */
    public static int classCount(int maxSegments)
    {
        checkSegmentCount(maxSegments);
        return firstClass(maxSegments + 1);
    }

    /** The class of segments shown in this order; {@code order} must hold each of {@code 0 .. order.length - 1} once. */
    public static int classOf(int[] order)
    {
        requireNonNull(order, "order is null");
        checkSegmentCount(order.length);
        int n = order.length;
        boolean[] seen = new boolean[n];
        for (int segment : order) {
            if (segment < 0 || segment >= n || seen[segment]) {
                throw new IllegalArgumentException("not an order of " + n + " segments: " + Arrays.toString(order));
            }
            seen[segment] = true;
        }
        // The lexicographic rank is the Lehmer code read as a number in the factorial base.
        int rank = 0;
        for (int i = 0; i < n; i++) {
            int smallerLater = 0;
            for (int j = i + 1; j < n; j++) {
                if (order[j] < order[i]) {
                    smallerLater++;
                }
            }
            rank += smallerLater * factorial(n - 1 - i);
        }
        return firstClass(n) + rank;
    }

    /** The number of segments of a class. */
    public static int segmentCount(int classIndex)
    {
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index is negative: " + classIndex);
        }
        for (int n = 1; n <= LARGEST_SEGMENT_COUNT; n++) {
            if (classIndex < firstClass(n + 1)) {
                return n;
            }
        }
        throw new IllegalArgumentException("class index " + classIndex + " is beyond " + LARGEST_SEGMENT_COUNT + " segments");
    }

    /** The order of a class: {@code order[i]} is the original index of the segment shown at position {@code i}. */
    public static int[] orderOf(int classIndex)
    {
        int n = segmentCount(classIndex);
        int rank = classIndex - firstClass(n);
        boolean[] used = new boolean[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int weight = factorial(n - 1 - i);
            int smaller = rank / weight;
            rank %= weight;
            order[i] = unusedAt(used, smaller);
            used[order[i]] = true;
        }
        return order;
    }

    /** The {@code index}-th (from 0) segment not used yet, in increasing order. */
    private static int unusedAt(boolean[] used, int index)
    {
        int remaining = index;
        for (int segment = 0; segment < used.length; segment++) {
            if (!used[segment]) {
                if (remaining == 0) {
                    return segment;
                }
                remaining--;
            }
        }
        throw new IllegalStateException("no unused segment at " + index);
    }

    /** The first class of {@code n} segments: {@code 1! + ... + (n-1)!}. */
    private static int firstClass(int n)
    {
        int first = 0;
        for (int j = 1; j < n; j++) {
            first += factorial(j);
        }
        return first;
    }

    private static int factorial(int n)
    {
        int product = 1;
        for (int i = 2; i <= n; i++) {
            product *= i;
        }
        return product;
    }

    private static void checkSegmentCount(int n)
    {
        if (n < 1 || n > LARGEST_SEGMENT_COUNT) {
            throw new IllegalArgumentException("segment count must be between 1 and " + LARGEST_SEGMENT_COUNT + ", not " + n);
        }
    }
}
