package org.ernie4j.core.training.plugin;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Something that happened in the plugins folder while training ran.
 */
public sealed interface PluginEvent
{
    Path jar();

    /** A complete jar that passed every check. */
    record Arrived(PluginJar plugin)
            implements PluginEvent
    {
        public Arrived
        {
            requireNonNull(plugin, "plugin is null");
        }

        @Override
        public Path jar()
        {
            return plugin.path();
        }
    }

    /** A jar that was refused; training goes on without it. */
    record Refused(Path jar, PluginException reason)
            implements PluginEvent
    {
        public Refused
        {
            requireNonNull(jar, "jar is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** A jar that was there and is gone. */
    record Removed(Path jar)
            implements PluginEvent
    {
        public Removed
        {
            requireNonNull(jar, "jar is null");
        }
    }
}
