package org.ernie4j.core.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ernie4j.core.PublicApi;

/**
 * Which engine executes the model: the fused CPU engine, the SameDiff graph, or whichever is faster here.
 */
@PublicApi
public enum EngineKind
{
    /** The fused engine where it can run (ND4J's CPU backend and the vector API), else the SameDiff graph. */
    AUTO,
    /** Forward and backward passes on BLAS and fused loops, on the CPU. */
    FUSED,
    /** The SameDiff graph: any ND4J backend, the reference. */
    SAMEDIFF;

    /** The name used in configuration files and on the command line. */
    public String configName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} ({@code auto}, {@code fused} or {@code samediff}). */
    public static EngineKind fromConfigName(String name)
    {
        for (EngineKind kind : values()) {
            if (kind.configName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of "
                + Arrays.stream(values()).map(EngineKind::configName).collect(Collectors.joining(", ")));
    }
}
