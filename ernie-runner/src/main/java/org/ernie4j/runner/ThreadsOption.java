package org.ernie4j.runner;

import picocli.CommandLine;

/**
 * {@code --threads N}, shared by the commands that run the fused engine: its worker threads (and the threads of whatever
 * the command measures it against).
 */
final class ThreadsOption
{
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--threads", paramLabel = "N",
            description = "Threads of the fused engine (and of its optimizer when training, of ONNX Runtime when measured against it; "
                    + "default: the number of processors).")
    private Integer threads;

    /** {@code --threads N} as given, or nothing: for a report's command line. */
    String commandLine()
    {
        return threads == null ? "" : " --threads " + threads;
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
