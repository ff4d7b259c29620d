package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * {@link TaskSettings} over a map of plain values, as a YAML parser would give them: {@link Integer} or {@link Long} for
 * whole numbers, {@link Double} for others, {@link Boolean}, {@link String} and {@link List} of strings.
 *
 * <p>It records every key a task asks for, so that a test can check that a task reads its settings when the core expects
 * it to and that no key of the configuration goes unread ({@link #unreadKeys()}). A value of the wrong type is an
 * {@link InvalidSettingException} naming {@code tasks.<task>.<key>}, as the core reports it.
 *
 * <p>Not thread-safe: meant for one test at a time.
 */
public final class TestingTaskSettings
        implements TaskSettings
{
    private final String taskName;
    private final Map<String, Object> values;
    private final Set<String> readKeys = new LinkedHashSet<>();

    /**
     * @param taskName the task's name, for the paths in error messages
     * @param values the settings; a key mapped to null stands for a key written without a value
     */
    public TestingTaskSettings(String taskName, Map<String, ?> values)
    {
        this.taskName = requireNonNull(taskName, "taskName is null");
        // LinkedHashMap rather than Map.copyOf: a YAML key without a value maps to null, and order helps messages.
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    /** Settings with no keys: every getter returns its default. */
    public static TestingTaskSettings empty(String taskName)
    {
        return new TestingTaskSettings(taskName, Map.of());
    }

    @Override
    public int getInt(String key, int defaultValue)
    {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        long whole = whole(key, value, "an integer");
        if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
            throw invalid(key, "expected an integer, but " + whole + " is out of range");
        }
        return (int) whole;
    }

    @Override
    public long getLong(String key, long defaultValue)
    {
        Object value = read(key);
        return value == null ? defaultValue : whole(key, value, "an integer");
    }

    @Override
    public double getDouble(String key, double defaultValue)
    {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        throw wrongType(key, "a number", value);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue)
    {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw wrongType(key, "true or false", value);
    }

    @Override
    public String getString(String key, String defaultValue)
    {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(key, "a string", value);
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue)
    {
        Object value = read(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, "a list of strings", value);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw invalid(key, "expected a list of strings, but item " + i + " is " + describe(list.get(i)));
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
        return new InvalidSettingException(path(key), problem);
    }

    /** The full configuration path of a key, {@code tasks.<task>.<key>}. */
    public String path(String key)
    {
        return "tasks." + taskName + "." + requireNonNull(key, "key is null");
    }

    /** The keys the task asked for so far, present or not, in the order of first asking. */
    public Set<String> readKeys()
    {
        return Collections.unmodifiableSet(new LinkedHashSet<>(readKeys));
    }

    /** The keys present that the task never asked for: in a real run, these are reported as unknown settings. */
    public Set<String> unreadKeys()
    {
        Set<String> unread = new LinkedHashSet<>(values.keySet());
        unread.removeAll(readKeys);
        return Collections.unmodifiableSet(unread);
    }

    private Object read(String key)
    {
        requireNonNull(key, "key is null");
        readKeys.add(key);
        if (values.containsKey(key) && values.get(key) == null) {
            throw invalid(key, "has no value");
        }
        return values.get(key);
    }

    private long whole(String key, Object value, String expected)
    {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw wrongType(key, expected, value);
    }

    private InvalidSettingException wrongType(String key, String expected, Object value)
    {
        return invalid(key, "expected " + expected + ", but got " + describe(value));
    }

    private static String describe(Object value)
    {
        if (value == null) {
            return "nothing";
        }
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return shown + " (" + value.getClass().getSimpleName() + ")";
    }

    @Override
    public String toString()
    {
        return "TestingTaskSettings[" + taskName + ", " + values + "]";
    }
}
