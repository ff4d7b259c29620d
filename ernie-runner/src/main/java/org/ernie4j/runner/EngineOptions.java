package org.ernie4j.runner;

import org.ernie4j.core.engine.EngineKind;

import picocli.CommandLine;

/**
 * {@code --engine KIND}, shared by the commands that run a model: which engine ({@link ThreadsOption} says how many
 * threads the fused engine uses).
 */
final class EngineOptions
{
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, fused or samediff (default: ${DEFAULT-VALUE}: the fused engine where it can run).")
    private String engine;

    EngineKind kind()
    {
        try {
            return EngineKind.fromConfigName(engine);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
        }
    }

    /** {@code --engine KIND} as given: for a report's command line. */
    String commandLine()
    {
        return "--engine " + engine;
    }
}
