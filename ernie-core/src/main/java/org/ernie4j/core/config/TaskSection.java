package org.ernie4j.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * One entry of {@code tasks:}, a task of the run in order of introduction, with its own settings.
 *
 * @param name the task's name, as {@code ernie tasks} lists it
 * @param settings the task's settings; which keys are valid is the task's to say
 */
@PublicApi
public record TaskSection(String name, Map<String, Object> settings)
{
    @JsonCreator
    public TaskSection(@JsonProperty("name") String name, @JsonProperty("settings") Map<String, Object> settings)
    {
        this.name = requireNonNull(name, "name is null");
        this.settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
