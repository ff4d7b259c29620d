package org.ernie4j.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.training.plugin.PluginException;
import org.ernie4j.core.training.plugin.PluginFolder;
import org.ernie4j.core.training.plugin.PluginJar;
import org.ernie4j.core.training.task.TaskCatalog;

import static java.util.Objects.requireNonNull;

/**
 * The tasks a configuration can name now: the class path's and those of the jars in its plugins folder, each jar in a
 * class loader of its own, refused jars named. For checks and listings that come before a run ({@code ernie tasks},
 * {@code ernie schedule}, the checks before a corpus is prepared), so that every command sees the tasks that
 * {@code pretrain} would train. Closing it closes the jars.
 */
@PublicApi
public final class AvailableTasks
        implements AutoCloseable
{
    private final TaskCatalog catalog;
    private final List<String> fromFolder;
    private final List<String> refusals;
    private final List<PluginJar> jars;

    private AvailableTasks(TaskCatalog catalog, List<String> fromFolder, List<String> refusals, List<PluginJar> jars)
    {
        this.catalog = catalog;
        this.fromFolder = List.copyOf(fromFolder);
        this.refusals = List.copyOf(refusals);
        this.jars = List.copyOf(jars);
    }

    /** The class path's tasks, with those of {@code plugins.directory} when one is configured. */
    public static AvailableTasks of(ErnieConfig config, TaskCatalog classPath, ClassLoader host)
    {
        requireNonNull(classPath, "classPath is null");
        requireNonNull(host, "host is null");
        Optional<Path> directory = pluginsDirectory(config);
        if (directory.isEmpty()) {
            return new AvailableTasks(classPath, List.of(), List.of(), List.of());
        }
        TaskCatalog catalog = classPath;
        List<String> fromFolder = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<PluginJar> jars = new ArrayList<>();
        for (Path jar : new PluginFolder(directory.get()).takeAll()) {
            try {
                PluginJar plugin = PluginJar.open(jar, host);
                jars.add(plugin);
                catalog = catalog.with(plugin.tasks(), jar.getFileName().toString());
                plugin.tasks().forEach(task -> fromFolder.add(task.info().name()));
            }
            catch (PluginException | IllegalStateException e) {
                // A refused jar does not stop a run either: it is named, and the rest goes on.
                refusals.add(e.getMessage());
            }
        }
        return new AvailableTasks(catalog, fromFolder, refusals, jars);
    }

    /**
     * The configured plugins folder, if any.
     *
     * @throws ConfigException if it is configured but is not a folder
     */
    public static Optional<Path> pluginsDirectory(ErnieConfig config)
    {
        String configured = config.plugins().directory();
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path directory = Path.of(configured);
        if (!Files.isDirectory(directory)) {
            throw new ConfigException("plugins.directory", directory + " is not a folder");
        }
        return Optional.of(directory);
    }

    public TaskCatalog catalog()
    {
        return catalog;
    }

    /** The names of the tasks from the plugins folder, in the order their jars were read. */
    public List<String> fromFolder()
    {
        return fromFolder;
    }

    /** One message per refused jar, naming it. */
    public List<String> refusals()
    {
        return refusals;
    }

    @Override
    public void close()
    {
        jars.forEach(PluginJar::close);
    }
}
