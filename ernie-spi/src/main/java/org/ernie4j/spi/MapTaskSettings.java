package org.ernie4j.spi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The one implementation of {@link TaskSettings}, over a map of values as a YAML parser gives them: {@link Integer},
 * {@link Long} or {@link BigInteger} for whole numbers, {@link Double} for others, {@link Boolean}, {@link String},
 * {@link List} of strings, and {@code null} for a key written without a value. The core makes one from a task's settings
 * in the run configuration, the test kit from a test's map, so that a task's settings read the same in its tests as in
 * a run; its conversions are those that {@link TaskSettings} documents.
 *
 * <p>Its path and values never change. It records which keys are asked for (safely from any thread), so that the keys
 * nobody asked for can be reported as unknown settings ({@link #unreadKeys()}).
 */
public final class MapTaskSettings
        implements TaskSettings
{
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /**
     * @param path where the settings are in the configuration, such as {@code tasks[0].settings}; a key's path is this,
     *         a dot and the key
     * @param values the settings, in the order of the configuration
     */
    public MapTaskSettings(String path, Map<String, ?> values)
    {
        this.path = requireNonNull(path, "path is null");
        // LinkedHashMap rather than Map.copyOf: a key written without a value maps to null, and order helps messages.
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    @Override
    public int getInt(String key, int defaultValue)
    {
        Object value = read(key);
        return value == null ? defaultValue : (int) whole(key, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long getLong(String key, long defaultValue)
    {
        Object value = read(key);
        return value == null ? defaultValue : whole(key, value, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public double getDouble(String key, double defaultValue)
    {
        Number number = typed(key, Number.class, "a number");
        return number == null ? defaultValue : number.doubleValue();
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue)
    {
        Boolean flag = typed(key, Boolean.class, "true or false");
        return flag == null ? defaultValue : flag;
    }

    @Override
    public String getString(String key, String defaultValue)
    {
        String text = typed(key, String.class, "a string");
        return text == null ? defaultValue : text;
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue)
    {
        List<?> list = typed(key, List.class, "a list of strings");
        if (list == null) {
            return defaultValue;
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw expected(key + "[" + i + "]", "a string", list.get(i));
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    @Override
    public Set<String> keys()
    {
        return values.keySet();
    }

    @Override
    public InvalidSettingException invalid(String key, String problem)
    {
        return new InvalidSettingException(path + "." + requireNonNull(key, "key is null"), problem);
    }

    /** Where the settings are in the configuration, such as {@code tasks[0].settings}. */
    public String path()
    {
        return path;
    }

    /** The keys asked for so far, present or not, sorted. */
    public SortedSet<String> readKeys()
    {
        return Collections.unmodifiableSortedSet(new TreeSet<>(read));
    }

    /** The keys present that were never asked for, sorted: in a run, the task does not know them. */
    public SortedSet<String> unreadKeys()
    {
        SortedSet<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return Collections.unmodifiableSortedSet(unread);
    }

    private Object read(String key)
    {
        requireNonNull(key, "key is null");
        read.add(key);
        Object value = values.get(key);
        // A key written without a value is a mistake to report, not a request for the default.
        if (value == null && values.containsKey(key)) {
            throw invalid(key, "has no value");
        }
        return value;
    }

    /** The value of a key as {@code type}, or null when the key is absent. */
    private <T> T typed(String key, Class<T> type, String wanted)
    {
        Object value = read(key);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw expected(key, wanted, value);
    }

    private long whole(String key, Object value, long min, long max)
    {
        BigInteger whole;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            whole = BigInteger.valueOf(((Number) value).longValue());
        }
        else if (value instanceof BigInteger big) {
            whole = big;
        }
        else {
            throw expected(key, "an integer", value);
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(key, "expected an integer from " + min + " to " + max + ", not " + whole);
        }
        return whole.longValue();
    }

    /** In the words of the configuration's other errors: {@code expected a number, not the text 'high'}. */
    private InvalidSettingException expected(String key, String wanted, Object found)
    {
        return invalid(key, "expected " + wanted + ", not " + describe(found));
    }

    private static String describe(Object value)
    {
        if (value instanceof String text) {
            return "the text '" + text + "'";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a section of keys";
        }
        return value == null ? "nothing" : String.valueOf(value);
    }

    @Override
    public String toString()
    {
        return "MapTaskSettings[" + path + ", " + values + "]";
    }
}
