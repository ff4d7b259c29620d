package org.ernie4j.spi;

import java.util.List;
import java.util.Set;

/**
 * A task's settings from the run configuration ({@code tasks[].settings} in YAML), read-only.
 *
 * <p>Every getter takes the default to use when the key is absent. A value of the wrong type is an
 * {@link InvalidSettingException} that names the key's full path in the configuration. Keys that the task never reads
 * are reported to the user as unknown, so a typo in a setting name cannot go unnoticed.
 */
public interface TaskSettings
{
    int getInt(String key, int defaultValue);

    long getLong(String key, long defaultValue);

    double getDouble(String key, double defaultValue);

    boolean getBoolean(String key, boolean defaultValue);

    String getString(String key, String defaultValue);

    List<String> getStringList(String key, List<String> defaultValue);

    /** The keys present in the configuration, read or not. */
    Set<String> keys();

    /**
     * An exception naming the full configuration path of {@code key}, for a value the task cannot accept, such as a
     * masking rate above one.
     */
    InvalidSettingException invalid(String key, String problem);
}
