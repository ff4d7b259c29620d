package org.ernie4j.spi;

import java.util.List;
import java.util.Set;

/**
 * A task's settings from the run configuration ({@code tasks[].settings} in YAML), read-only.
 *
 * <p>Every getter takes the default to use when the key is absent. A value of the wrong type is an
 * {@link InvalidSettingException} that names the key's full path in the configuration, as in
 * {@code tasks[0].settings.masking-rate: expected a number, not the text 'high'}; so is a key written without a value.
 * Keys that the task never reads are reported to the user as unknown, so a typo in a setting name cannot go unnoticed.
 *
 * <p>What each getter takes, as the rest of the configuration does: nothing is converted from text.
 * <ul>
 *   <li>{@link #getInt} and {@link #getLong}: a whole number in the type's range; {@code 2.5} and {@code "3"} are
 *       refused.</li>
 *   <li>{@link #getDouble}: any number, whole or not ({@code masking-rate: 1} is 1.0); a string is refused, even
 *       {@code "0.5"}.</li>
 *   <li>{@link #getBoolean}: {@code true} or {@code false}; {@code "yes"} and {@code 1} are refused.</li>
 *   <li>{@link #getString}: a string; a number or a boolean is refused.</li>
 *   <li>{@link #getStringList}: a list whose every item is a string.</li>
 * </ul>
 *
 * <p>{@link MapTaskSettings} is the implementation: the one the core gives a task, and the one the test kit gives it.
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
