package org.ernie4j.runner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line describing the machine a figure was measured on.
 */
final class MachineDescription
{
    private MachineDescription()
    {
    }

    static String describe()
    {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        }
        catch (IOException e) {
            // Not Linux: the CPU stays unknown.
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s RAM, %s %s", cpu, Runtime.getRuntime().availableProcessors(),
                memory < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f GiB", memory / (1024.0 * 1024 * 1024)),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
