package org.ernie4j.core.text.wordpiece;

import java.util.Arrays;

/**
 * A growable list of ints, without boxing.
 */
final class IntList
{
    private int[] values;
    private int size;

    IntList()
    {
        this(8);
    }

    IntList(int capacity)
    {
        values = new int[capacity];
    }

    void add(int value)
    {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(8, size * 2));
        }
        values[size++] = value;
    }

    void addAll(int[] more)
    {
        for (int value : more) {
            add(value);
        }
    }

    int get(int index)
    {
        return values[index];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int last()
    {
        return values[size - 1];
    }

    int[] toArray()
    {
        return Arrays.copyOf(values, size);
    }
}
