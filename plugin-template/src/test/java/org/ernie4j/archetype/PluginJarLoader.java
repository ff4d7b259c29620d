package org.ernie4j.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.ernie4j.spi.PretrainingTask;

/**
 * Loads a task plugin jar the way the runner does: the jar's own classes and the platform's, and the SPI from the host,
 * nothing else. A jar that needs a class from elsewhere (a dependency it did not bring, or that the runner does not
 * share) fails here as it would in a run.
 */
final class PluginJarLoader
        extends URLClassLoader
{
    private static final String SPI_PACKAGE = "org.ernie4j.spi.";

    private PluginJarLoader(Path jar)
            throws MalformedURLException
    {
        super("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** The tasks the jar lists, created in a loader of their own. */
    static List<PretrainingTask> tasks(Path jar)
    {
        try {
            PluginJarLoader loader = new PluginJarLoader(jar);
            return ServiceLoader.load(PretrainingTask.class, loader).stream().map(ServiceLoader.Provider::get).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open " + jar, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        if (name.startsWith(SPI_PACKAGE)) {
            return PluginJarLoader.class.getClassLoader().loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
