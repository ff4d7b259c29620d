package org.ernie4j.core.training.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.ernie4j.core.PublicApi;

/**
 * This process's resident memory as the kernel counts it (heap, off-heap and native libraries together).
 */
@PublicApi
public final class ProcessMemory
{
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory()
    {
    }

    /** Current resident set size in bytes, where the platform tells. */
    public static OptionalLong residentBytes()
    {
        return field("VmRSS:");
    }

    /** Peak resident set size in bytes since the process started, where the platform tells. */
    public static OptionalLong peakResidentBytes()
    {
        return field("VmHWM:");
    }

    private static OptionalLong field(String name)
    {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
