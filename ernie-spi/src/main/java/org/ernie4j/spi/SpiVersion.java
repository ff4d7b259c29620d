package org.ernie4j.spi;

/**
 * The version of this SPI. A plugin jar may declare the SPI version it was built against in its manifest
 * ({@code Ernie-Spi-Version: 1}); a runner refuses a plugin whose major version differs from its own, and refuses at load
 * time any task whose classes do not link against this SPI.
 */
public final class SpiVersion
{
    /** The major version; it changes only when a plugin built against an older SPI could no longer work. */
    public static final int CURRENT = 1;

    /** The manifest attribute in which a plugin jar declares its SPI version. */
    public static final String MANIFEST_ATTRIBUTE = "Ernie-Spi-Version";

    private SpiVersion()
    {
    }

    /** Whether a declared version (such as {@code 1} or {@code 1.2}) can run on this SPI. */
    public static boolean isCompatible(String declared)
    {
        String major = declared.strip();
        int dot = major.indexOf('.');
        if (dot >= 0) {
            major = major.substring(0, dot);
        }
        try {
            return Integer.parseInt(major) == CURRENT;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }
}
