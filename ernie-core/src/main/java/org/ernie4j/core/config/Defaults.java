package org.ernie4j.core.config;

/**
 * Null-to-default helpers for configuration records: a key absent from YAML arrives as null. The primitive overloads
 * unbox, which also steers a record's creator to its canonical constructor.
 */
final class Defaults
{
    private Defaults()
    {
    }

    static <T> T or(T value, T defaultValue)
    {
        return value == null ? defaultValue : value;
    }

    static int or(Integer value, int defaultValue)
    {
        return value == null ? defaultValue : value;
    }

    static long or(Long value, long defaultValue)
    {
        return value == null ? defaultValue : value;
    }

    static double or(Double value, double defaultValue)
    {
        return value == null ? defaultValue : value;
    }
}
