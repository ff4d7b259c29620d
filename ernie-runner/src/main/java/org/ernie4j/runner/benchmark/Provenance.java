package org.ernie4j.runner.benchmark;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ernie4j.core.support.Versions;

import static java.util.Objects.requireNonNull;

/**
 * Where and how a benchmark's figures were measured, as its report states them: a figure means little without the
 * command, the machine and the software that produced it.
 *
 * @param measuredAt when, as an ISO offset date-time
 * @param command the command line that measured them
 * @param machine one line describing the machine
 * @param environment what ernie4j set in the native environment before measuring
 */
public record Provenance(String measuredAt, String command, String machine, String ernie4jVersion, String nd4jVersion, String javaVersion,
        List<String> environment)
{
    public Provenance
    {
        requireNonNull(measuredAt, "measuredAt is null");
        requireNonNull(command, "command is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(ernie4jVersion, "ernie4jVersion is null");
        requireNonNull(nd4jVersion, "nd4jVersion is null");
        requireNonNull(javaVersion, "javaVersion is null");
        environment = List.copyOf(requireNonNull(environment, "environment is null"));
    }

    /** Figures measured just now by {@code command} with this process's versions. */
    public static Provenance now(String command, String machine, List<String> environment)
    {
        return new Provenance(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), command, machine, Versions.ernie4j(),
                Versions.nd4j(), System.getProperty("java.version"), environment);
    }
}
