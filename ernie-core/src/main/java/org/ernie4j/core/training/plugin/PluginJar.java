package org.ernie4j.core.training.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.SpiVersion;

import static java.util.Objects.requireNonNull;

/**
 * A task plugin jar, opened and checked: it is a readable jar, lists at least one {@link PretrainingTask} in its
 * {@code META-INF/services}, was built for a compatible SPI, and every listed task can be made and describes itself.
 */
public final class PluginJar
        implements AutoCloseable
{
    static final String SERVICES = "META-INF/services/" + PretrainingTask.class.getName();

    private final Path path;
    private final PluginClassLoader loader;
    private final List<PretrainingTask> tasks;

    private PluginJar(Path path, PluginClassLoader loader, List<PretrainingTask> tasks)
    {
        this.path = path;
        this.loader = loader;
        this.tasks = List.copyOf(tasks);
    }

    /**
     * Opens {@code jar} in its own class loader, with {@code host} providing the shared packages.
     *
     * @throws PluginException naming the jar (and the class) when the jar is refused
     */
    public static PluginJar open(Path jar, ClassLoader host)
    {
        requireNonNull(jar, "jar is null");
        checkJar(jar);
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar, host);
        }
        catch (IOException e) {
            throw new PluginException(jar, "cannot open it: " + e.getMessage(), e);
        }
        try {
            List<PretrainingTask> tasks = new ArrayList<>();
            ServiceLoader.load(PretrainingTask.class, loader).stream().forEach(provider -> tasks.add(instantiate(jar, provider)));
            if (tasks.isEmpty()) {
                throw new PluginException(jar, "it lists no pre-training task in " + SERVICES, null);
            }
            return new PluginJar(jar, loader, tasks);
        }
        catch (ServiceConfigurationError e) {
            closeQuietly(loader, e);
            throw new PluginException(jar, "a task it lists cannot be loaded: " + e.getMessage(), e);
        }
        catch (RuntimeException | LinkageError e) {
            closeQuietly(loader, e);
            throw e instanceof PluginException plugin ? plugin : new PluginException(jar, e.toString(), e);
        }
    }

    private static PretrainingTask instantiate(Path jar, ServiceLoader.Provider<PretrainingTask> provider)
    {
        String type = provider.type().getName();
        try {
            PretrainingTask task = provider.get();
            // Calling into the task is where a plugin built against another SPI fails to link.
            requireNonNull(task.info(), "info() returned null");
            return task;
        }
        catch (LinkageError e) {
            throw new PluginException(jar, "task class " + type + " was built against an incompatible ernie-spi (" + e + "); this runner has"
                    + " SPI version " + SpiVersion.CURRENT, e);
        }
        catch (ServiceConfigurationError | RuntimeException e) {
            throw new PluginException(jar, "task class " + type + " cannot be created: " + e.getMessage(), e);
        }
    }

    /** Refuses files that are not jars, truncated jars, jars without a task list, and jars built for another SPI. */
    private static void checkJar(Path jar)
    {
        if (!Files.isRegularFile(jar)) {
            throw new PluginException(jar, "it is not a file", null);
        }
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            if (file.getEntry(SERVICES) == null) {
                throw new PluginException(jar, "it has no " + SERVICES + ", so it offers no pre-training task", null);
            }
            // Reading every entry finds a truncated or damaged archive now, not halfway through a class load.
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                try (var in = file.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            Manifest manifest = file.getManifest();
            String declared = manifest == null ? null : manifest.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            if (declared != null && !SpiVersion.isCompatible(declared)) {
                throw new PluginException(jar, "it was built for ernie-spi " + declared + " (manifest attribute " + SpiVersion.MANIFEST_ATTRIBUTE
                        + "), but this runner has SPI version " + SpiVersion.CURRENT, null);
            }
        }
        catch (ZipException e) {
            throw new PluginException(jar, "it is not a jar, or it is truncated (" + e.getMessage() + ")", e);
        }
        catch (IOException | SecurityException e) {
            throw new PluginException(jar, "it cannot be read: " + e.getMessage(), e);
        }
    }

    public Path path()
    {
        return path;
    }

    public List<PretrainingTask> tasks()
    {
        return tasks;
    }

    @Override
    public void close()
    {
        try {
            loader.close();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot close the class loader of " + path, e);
        }
    }

    private static void closeQuietly(PluginClassLoader loader, Throwable failure)
    {
        try {
            loader.close();
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The manifest attribute name, for tests and tools that build plugin jars. */
    public static Attributes.Name spiVersionAttribute()
    {
        return new Attributes.Name(SpiVersion.MANIFEST_ATTRIBUTE);
    }
}
