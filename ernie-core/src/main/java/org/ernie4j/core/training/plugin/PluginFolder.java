package org.ernie4j.core.training.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The jars of a plugins folder, scanned again and again: which jars are new and complete, and which have gone.
 *
 * <p>A file is taken only once it ends in {@code .jar}, does not start with a dot (the usual way to copy a file in and
 * then rename it), and has kept the same size and modification time over two scans, so a jar still being written is
 * never opened. A jar that was refused is not tried again unless it changes.
 */
public final class PluginFolder
{
    private final Path directory;
    private final Map<Path, Stamp> pending = new HashMap<>();
    private final Map<Path, Stamp> seen = new HashMap<>();

    public PluginFolder(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Path directory()
    {
        return directory;
    }

    /** What one scan found. */
    public record Scan(List<Path> ready, List<Path> removed)
    {
        public Scan
        {
            ready = List.copyOf(ready);
            removed = List.copyOf(removed);
        }
    }

    private record Stamp(long size, long modified)
    {
    }

    /** Takes every jar present now as ready, stable or not (at start-up, when nothing can be half-written by us). */
    public synchronized List<Path> takeAll()
    {
        scan();
        List<Path> ready = new ArrayList<>(pending.keySet());
        for (Path jar : ready) {
            seen.put(jar, pending.remove(jar));
        }
        ready.sort(null);
        return ready;
    }

    /** Compares the folder with the previous scans. */
    public synchronized Scan scan()
    {
        Map<Path, Stamp> present = new HashMap<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || !name.endsWith(".jar")) {
                        continue;
                    }
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        present.put(file, new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list the plugins folder " + directory, e);
            }
        }
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<Path, Stamp> file : present.entrySet()) {
            Stamp stamp = file.getValue();
            if (stamp.equals(seen.get(file.getKey()))) {
                continue;
            }
            if (stamp.equals(pending.get(file.getKey()))) {
                ready.add(file.getKey());
                seen.put(file.getKey(), stamp);
                pending.remove(file.getKey());
            }
            else {
                pending.put(file.getKey(), stamp);
            }
        }
        Set<Path> removed = new HashSet<>(seen.keySet());
        removed.removeAll(present.keySet());
        removed.forEach(seen::remove);
        pending.keySet().retainAll(present.keySet());
        ready.sort(null);
        List<Path> gone = new ArrayList<>(removed);
        gone.sort(null);
        return new Scan(ready, gone);
    }
}
