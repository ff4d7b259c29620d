package org.ernie4j.spi.compatibility;

import java.util.List;

/**
 * The rule between the recorded API and the current one. Within a major version the API may only grow, and every
 * addition is recorded; an incompatible change needs the next major version, and is then recorded with it.
 */
final class ApiVerdict
{
    private ApiVerdict()
    {
    }

    /** What is wrong and what to do, or the empty string when the API is what the record says. */
    static String of(ApiRecord recorded, ApiRecord current, String howToRegenerate)
    {
        ApiChanges changes = ApiChanges.between(recorded, current);
        if (current.major() < recorded.major()) {
            return "SpiVersion.CURRENT is " + current.major() + ", lower than the major version " + recorded.major() + " of the API record";
        }
        if (current.major() > recorded.major()) {
            return changes.none() ? "" : "SpiVersion.CURRENT is " + current.major() + " but the API record is of major version " + recorded.major()
                    + ": regenerate the record from the project root with\n  " + howToRegenerate + "\n" + listing(changes);
        }
        if (!changes.incompatible().isEmpty()) {
            return "Incompatible changes to the SPI within major version " + recorded.major() + " (a plugin built against it could stop working):\n"
                    + bullets("- ", changes.incompatible()) + additions(changes)
                    + "Undo them, or bump SpiVersion.CURRENT to " + (recorded.major() + 1) + " (and ernie.spi.version in plugin-template's"
                    + " generated pom), then regenerate the record from the project root with\n  " + howToRegenerate;
        }
        if (!changes.added().isEmpty()) {
            return "New SPI API that ernie-spi/api/ernie-spi.api does not record yet:\n" + bullets("+ ", changes.added())
                    + "If it is meant to be API, regenerate the record from the project root with\n  " + howToRegenerate
                    + "\nand commit it with the change.";
        }
        return "";
    }

    /** Whether the record may be rewritten from the current API: never to accept an incompatible change within a major version. */
    static boolean mayRegenerate(ApiRecord recorded, ApiRecord current)
    {
        return current.major() > recorded.major()
                || (current.major() == recorded.major() && ApiChanges.between(recorded, current).incompatible().isEmpty());
    }

    private static String additions(ApiChanges changes)
    {
        return changes.added().isEmpty() ? "" : "and new API, which is compatible:\n" + bullets("+ ", changes.added());
    }

    private static String listing(ApiChanges changes)
    {
        return bullets("- ", changes.incompatible()) + bullets("+ ", changes.added());
    }

    private static String bullets(String mark, List<String> lines)
    {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("  ").append(mark).append(line).append('\n'));
        return text.toString();
    }
}
