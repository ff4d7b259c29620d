package org.ernie4j.core.support;

import java.util.Locale;

/** Sizes of files and disks as people read them: "812 bytes", "3.4 KiB", "26.1 MiB", "1.5 GiB". */
public final class ByteSize
{
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {}

    public static String format(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double size = bytes;
        int unit = -1;
        while (size >= 1024 && unit < UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", size, UNITS[unit]);
    }
}
