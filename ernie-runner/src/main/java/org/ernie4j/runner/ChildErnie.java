package org.ernie4j.runner;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an {@code ernie} command run in a JVM of its own, with this JVM's executable, options (heap and
 * native-memory limits, modules) and class path: how benchmarks get figures, such as peak RSS, that belong to one
 * measurement alone. A debugger agent is not passed on, as two JVMs cannot listen on its port.
 */
final class ChildErnie
{
    private ChildErnie()
    {
    }

    static List<String> command(List<String> arguments)
    {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Ernie.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /** This JVM's options as the child gets them. */
    static List<String> jvmOptions()
    {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> !option.startsWith("-agentlib")).toList();
    }
}
