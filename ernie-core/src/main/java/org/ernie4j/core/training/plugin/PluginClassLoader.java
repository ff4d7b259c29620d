package org.ernie4j.core.training.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The class loader of one plugin jar. Its parent is the platform class loader, so a plugin sees none of our
 * dependencies and its own cannot clash with them; only the packages a plugin must share with the host are taken from
 * the host: the SPI (the task interface and the values it exchanges) and ND4J with its native bindings (a custom head
 * builds on the host's SameDiff graph, and native libraries load once per process).
 */
public final class PluginClassLoader
        extends URLClassLoader
{
    /** Package prefixes that are always loaded by the host. */
    static final List<String> SHARED_PACKAGES = List.of("org.ernie4j.spi.", "org.nd4j.", "org.bytedeco.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final Path jar;

    public PluginClassLoader(Path jar, ClassLoader host)
            throws IOException
    {
        super("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        this.jar = requireNonNull(jar, "jar is null");
        this.host = requireNonNull(host, "host is null");
    }

    public Path jar()
    {
        return jar;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    // The plugin's own classes first, then the platform's (java.*, javax.*).
                    loaded = findClass(name);
                }
                catch (ClassNotFoundException notInPlugin) {
                    loaded = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name)
    {
        if (isShared(name.replace('/', '.'))) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name)
            throws IOException
    {
        if (isShared(name.replace('/', '.'))) {
            return host.getResources(name);
        }
        // Only the plugin's own entries: the host's META-INF/services must not make a plugin list the built-in tasks.
        List<URL> own = Collections.list(findResources(name));
        return Collections.enumeration(own);
    }

    static boolean isShared(String name)
    {
        for (String prefix : SHARED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString()
    {
        return "PluginClassLoader[" + jar + "]";
    }
}
