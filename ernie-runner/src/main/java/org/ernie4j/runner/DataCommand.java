package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ernie4j.runner.datasets.RecaseDataset;
import org.ernie4j.runner.datasets.SameAddressDataset;
import org.ernie4j.runner.datasets.SotuPartyDataset;
import org.ernie4j.runner.datasets.SpamDataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie data}: builds the downstream datasets from the raw folders.
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Build downstream datasets from raw folders.",
        subcommands = {DataCommand.SotuParty.class, DataCommand.SameAddress.class, DataCommand.Recase.class, DataCommand.Spam.class})
final class DataCommand
        implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int report(CommandLine.Model.CommandSpec spec, String... lines)
    {
        PrintWriter writer = spec.commandLine().getOut();
        for (String line : lines) {
            writer.println(line);
        }
        writer.flush();
        return 0;
    }

    /** {@code ernie data sotu-party}. */
    @Command(name = "sotu-party", mixinStandardHelpOptions = true,
            description = "Passages of State of the Union addresses labelled democratic or republican, split by address.")
    static final class SotuParty
            implements Callable<Integer>
    {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private SotuOptions split;

        @CommandLine.Option(names = "--passage-words", paramLabel = "N", defaultValue = "100", description = "Words per passage (default: ${DEFAULT-VALUE}).")
        private int passageWords;

        @CommandLine.Option(names = "--pretraining-corpus", paramLabel = "DIR",
                description = "Also copy every address of the folder except the test addresses here: a pre-training corpus that never saw the test data.")
        private Path pretrainingCorpus;

        @Override
        public Integer call()
        {
            SotuPartyDataset.Summary summary = SotuPartyDataset.build(split.sotu, split.out, passageWords, split.dev, split.test, split.seed);
            if (pretrainingCorpus != null) {
                int copied = SotuPartyDataset.copyAllBut(split.sotu, summary.addresses().get("test"), pretrainingCorpus);
                spec.commandLine().getOut().printf("%d addresses without the test ones in %s%n", copied, pretrainingCorpus);
            }
            PrintWriter writer = spec.commandLine().getOut();
            writer.printf("passages %s in %s%n", summary.passages(), split.out);
            writer.printf("test addresses (leave them out of a pre-training corpus): %s%n", summary.addresses().get("test"));
            writer.flush();
            return 0;
        }
    }

    /**
     * The folder and the address split every State of the Union dataset shares: the same values give sotu-party's split,
     * whose test addresses a pre-training corpus leaves out; and where the dataset goes.
     */
    static final class SotuOptions
    {
        @CommandLine.Option(names = "--sotu", required = true, paramLabel = "DIR", description = "The folder of addresses (YEAR_PRESIDENT_PARTY.txt).")
        Path sotu;

        @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write train.tsv, dev.tsv, test.tsv, dataset.json.")
        Path out;

        @CommandLine.Option(names = "--dev", paramLabel = "SHARE", defaultValue = "0.15", description = "Share of each party's addresses for dev (default: ${DEFAULT-VALUE}).")
        double dev;

        @CommandLine.Option(names = "--test", paramLabel = "SHARE", defaultValue = "0.15", description = "Share of each party's addresses for test (default: ${DEFAULT-VALUE}).")
        double test;

        @CommandLine.Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Which addresses go where (default: ${DEFAULT-VALUE}).")
        long seed;
    }

    /** {@code ernie data same-address}. */
    @Command(name = "same-address", mixinStandardHelpOptions = true,
            description = "Pairs of State of the Union passages from the same address or from two addresses near in year, balanced, on sotu-party's split by address.")
    static final class SameAddress
            implements Callable<Integer>
    {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private SotuOptions split;

        @CommandLine.Option(names = "--passage-words", paramLabel = "N", defaultValue = "50",
                description = "Words per passage; two passages must fit the model's input together (default: ${DEFAULT-VALUE}).")
        private int passageWords;

        @Override
        public Integer call()
        {
            SameAddressDataset.Summary summary = SameAddressDataset.build(split.sotu, split.out, passageWords, split.dev, split.test, split.seed);
            return report(spec, "pairs " + summary.pairs() + " in " + split.out, "test addresses (sotu-party's): " + summary.addresses().get("test"));
        }
    }

    /** {@code ernie data recase}. */
    @Command(name = "recase", mixinStandardHelpOptions = true,
            description = "Lower-cased sentences of sotu-party's test addresses, each word labelled lower, capitalized, upper or mixed (token format).")
    static final class Recase
            implements Callable<Integer>
    {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private SotuOptions split;

        @CommandLine.Option(names = "--recase-dev", paramLabel = "SHARE", defaultValue = "0.2",
                description = "Share of the held-out addresses for this dataset's dev (default: ${DEFAULT-VALUE}).")
        private double recaseDev;

        @CommandLine.Option(names = "--recase-test", paramLabel = "SHARE", defaultValue = "0.2",
                description = "Share of the held-out addresses for this dataset's test (default: ${DEFAULT-VALUE}).")
        private double recaseTest;

        @Override
        public Integer call()
        {
            RecaseDataset.Summary summary = RecaseDataset.build(split.sotu, split.out, split.dev, split.test, split.seed, recaseDev, recaseTest);
            return report(spec, "sentences " + summary.sentences() + ", words " + summary.words() + " in " + split.out,
                    "addresses (all of them sotu-party's test addresses): " + summary.addresses());
        }
    }

    /** {@code ernie data spam}. */
    @Command(name = "spam", mixinStandardHelpOptions = true,
            description = "Spam vs ham from the raw SpamAssassin mails (decoded, HTML stripped), split at random by class.")
    static final class Spam
            implements Callable<Integer>
    {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--spam-assassin", required = true, paramLabel = "DIR", description = "The folder of the corpus's folders.")
        private Path spamAssassin;

        @CommandLine.Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write train.tsv, dev.tsv, test.tsv, dataset.json.")
        private Path out;

        @CommandLine.Option(names = "--dev", paramLabel = "SHARE", defaultValue = "0.1", description = "Share of each class for dev (default: ${DEFAULT-VALUE}).")
        private double dev;

        @CommandLine.Option(names = "--test", paramLabel = "SHARE", defaultValue = "0.1", description = "Share of each class for test (default: ${DEFAULT-VALUE}).")
        private double test;

        @CommandLine.Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Which mails go where (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Override
        public Integer call()
        {
            SpamDataset.Summary summary = SpamDataset.build(spamAssassin, out, dev, test, seed);
            PrintWriter writer = spec.commandLine().getOut();
            writer.printf("mails %s; examples %s in %s%n", summary.mails(), summary.examples(), out);
            writer.printf("dropped: %d mail(s) without text; parts by type %s%n", summary.withoutText(), summary.droppedParts());
            writer.printf("%d mail(s) had bytes that are not valid in their declared charset (each replaced by U+FFFD)%n", summary.withReplacedBytes());
            writer.flush();
            return 0;
        }
    }
}
