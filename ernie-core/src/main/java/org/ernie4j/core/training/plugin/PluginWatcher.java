package org.ernie4j.core.training.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Watches a plugins folder on one background thread: scans it at a fixed interval, opens and checks every new complete
 * jar there (so a slow or broken jar never holds up training), and queues what happened for the trainer to take at its
 * next step boundary.
 */
public final class PluginWatcher
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PluginWatcher.class);

    private final PluginFolder folder;
    private final ClassLoader host;
    private final Duration interval;
    private final LinkedBlockingQueue<PluginEvent> events = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public PluginWatcher(PluginFolder folder, ClassLoader host, Duration interval)
    {
        this.folder = requireNonNull(folder, "folder is null");
        this.host = requireNonNull(host, "host is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.thread = new Thread(this::watch, "ernie-plugin-watcher");
        this.thread.setDaemon(true);
    }

    public PluginWatcher start()
    {
        thread.start();
        LOG.info("watching {} for task plugin jars", folder.directory());
        return this;
    }

    /** Everything that happened since the last call, in order; never blocks. */
    public List<PluginEvent> drain()
    {
        List<PluginEvent> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    /** Waits up to {@code timeout} for something to happen, then returns everything that did. */
    public List<PluginEvent> await(Duration timeout)
            throws InterruptedException
    {
        PluginEvent first = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<PluginEvent> drained = new ArrayList<>(List.of(first));
        events.drainTo(drained);
        return drained;
    }

    /** True when events are waiting to be drained. */
    public boolean hasEvents()
    {
        return !events.isEmpty();
    }

    private void watch()
    {
        while (running) {
            try {
                PluginFolder.Scan scan = folder.scan();
                for (var jar : scan.ready()) {
                    events.add(open(jar));
                }
                scan.removed().forEach(jar -> events.add(new PluginEvent.Removed(jar)));
            }
            catch (RuntimeException e) {
                // A folder that cannot be read now may be readable at the next scan; training goes on either way.
                LOG.warn("cannot scan the plugins folder {}: {}", folder.directory(), e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private PluginEvent open(java.nio.file.Path jar)
    {
        try {
            return new PluginEvent.Arrived(PluginJar.open(jar, host));
        }
        catch (PluginException e) {
            return new PluginEvent.Refused(jar, e);
        }
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
