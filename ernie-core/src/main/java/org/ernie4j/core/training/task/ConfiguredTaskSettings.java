package org.ernie4j.core.training.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.ernie4j.core.PublicApi;
import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * A task's settings from the configuration, converted on read with errors that name the setting's path, and with a
 * record of the keys read so that keys the task never reads can be reported as unknown.
 */
@PublicApi
public final class ConfiguredTaskSettings
        implements TaskSettings
{
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /**
     * @param path the settings' path in the configuration, such as {@code tasks.knowledge-masking.settings}
     * @param values the settings as parsed from YAML (numbers, strings, booleans and lists)
     */
    public ConfiguredTaskSettings(String path, Map<String, ?> values)
    {
        this.path = requireNonNull(path, "path is null");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    @Override
    public int getInt(String key, int defaultValue)
    {
        long value = getLong(key, defaultValue);
        if (value != (int) value) {
            throw invalid(key, "expected an integer in the int range, got " + value);
        }
        return (int) value;
    }

    @Override
    public long getLong(String key, long defaultValue)
    {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw invalid(key, "expected an integer, got " + describe(value));
    }

    @Override
    public double getDouble(String key, double defaultValue)
    {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw invalid(key, "expected a number, got " + describe(value));
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue)
    {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw invalid(key, "expected true or false, got " + describe(value));
    }

    @Override
    public String getString(String key, String defaultValue)
    {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String string) {
            return string;
        }
        throw invalid(key, "expected a string, got " + describe(value));
    }

    @Override
    public List<String> getStringList(String key, List<String> defaultValue)
    {
        Object value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String string)) {
                    throw invalid(key + "[" + i + "]", "expected a string, got " + describe(list.get(i)));
                }
                strings.add(string);
            }
            return List.copyOf(strings);
        }
        throw invalid(key, "expected a list of strings, got " + describe(value));
    }

    @Override
    public Set<String> keys()
    {
        return values.keySet();
    }

    @Override
    public InvalidSettingException invalid(String key, String problem)
    {
        return new InvalidSettingException(path + "." + key, problem);
    }

    /** Keys present in the configuration that were never read, sorted. */
    public Set<String> unreadKeys()
    {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** Keys read so far, sorted. */
    public Set<String> readKeys()
    {
        return new TreeSet<>(read);
    }

    public String path()
    {
        return path;
    }

    private Object value(String key)
    {
        requireNonNull(key, "key is null");
        read.add(key);
        return values.get(key);
    }

    private static String describe(Object value)
    {
        String kind = value instanceof String ? "string" : value instanceof List ? "list" : value instanceof Map ? "mapping" : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return kind + " '" + value + "'";
    }
}
