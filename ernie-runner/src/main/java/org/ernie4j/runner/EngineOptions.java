package org.ernie4j.runner;

import org.ernie4j.core.engine.EngineKind;

import picocli.CommandLine;

/**
 * {@code --engine KIND --threads N}, shared by the commands that run a model forward: which engine, and how many threads
 * the fused engine uses.
 */
final class EngineOptions
{
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, fused or samediff (default: ${DEFAULT-VALUE}: the fused engine where it can run).")
    private String engine;

    @CommandLine.Option(names = "--threads", paramLabel = "N",
            description = "Threads of the fused engine (and of its optimizer when training; default: the number of processors).")
    private Integer threads;

    EngineKind kind()
    {
        try {
            return EngineKind.fromConfigName(engine);
        }
        catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
        }
    }

    /** The options as given, for a report's command line: {@code --engine KIND}, and {@code --threads N} if it was set. */
    String commandLine()
    {
        return "--engine " + engine + (threads == null ? "" : " --threads " + threads);
    }

    int threads()
    {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        return count;
    }
}
