package org.ernie4j.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie help [COMMAND [SUBCOMMAND...]]}: the help of a command at any depth. Picocli's own help command reads one
 * name, so {@code ernie help data sotu-party} showed the help of {@code data}.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, or of a subcommand: ernie help data sotu-party.")
final class HelpCommand
        implements CommandLine.IHelpCommandInitializable2, Runnable
{
    @CommandLine.Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommands) to show the help of.")
    private List<String> names = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter)
    {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run()
    {
        CommandLine target = self.getParent();
        for (String name : names) {
            CommandLine subcommand = target.getSubcommands().get(name);
            if (subcommand == null) {
                throw new CommandLine.ParameterException(self, "'" + String.join(" ", names) + "': " + target.getCommandSpec().qualifiedName()
                        + " has no command '" + name + "'; its commands are " + String.join(", ", target.getSubcommands().keySet()));
            }
            target = subcommand;
        }
        target.usage(out, colors);
        out.flush();
    }
}
