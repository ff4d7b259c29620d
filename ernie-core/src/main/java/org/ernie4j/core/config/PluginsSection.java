package org.ernie4j.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ernie4j.core.PublicApi;

/**
 * {@code plugins:} a folder of task plugin jars. Tasks in jars present at start can be named in {@code tasks:}; any
 * other task found there, at start or while training runs, joins the run as the newest stage at the next step
 * boundary. A jar removed while training runs takes its tasks out of the rest of the schedule.
 *
 * @param directory the folder; empty for none ({@code --plugins DIR} sets it)
 * @param scanIntervalMillis how often the folder is scanned while training runs
 * @param settings task name to settings, for tasks that join from the folder
 */
@PublicApi
public record PluginsSection(String directory, long scanIntervalMillis, Map<String, Map<String, Object>> settings)
{
    @JsonCreator
    public PluginsSection(
            @JsonProperty("directory") String directory,
            @JsonProperty("scan-interval-millis") Long scanIntervalMillis,
            @JsonProperty("settings") Map<String, Map<String, Object>> settings)
    {
        this(directory, Defaults.or(scanIntervalMillis, 1000L),
                settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings)));
    }

    public static PluginsSection defaults()
    {
        return new PluginsSection(null, (Long) null, null);
    }

    /** This section with another folder. */
    public PluginsSection withDirectory(String replacement)
    {
        return new PluginsSection(replacement, scanIntervalMillis, settings);
    }

    /** The settings of a task that joins from the folder; none when the configuration gives none. */
    public Map<String, Object> settingsOf(String task)
    {
        Map<String, Object> taskSettings = settings.get(task);
        return taskSettings == null ? Map.of() : taskSettings;
    }
}
