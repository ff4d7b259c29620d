package org.ernie4j.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.config.TaskSection;
import org.ernie4j.core.text.prepare.PreparedCorpus;
import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.ernie4j.tasks.semantic.DiscourseRelationTask;
import org.ernie4j.tasks.semantic.RelationCounts;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ernie markers --prepared DIR}: how many discourse-relation examples each class gets from a prepared corpus, with
 * the task settings of the configuration, split by where the marker is. The task's run reports only what it skips, and
 * its class mix decides {@code max-class-share} and {@code class-weights}, so this is where a user sees what a corpus
 * yields before training on it.
 */
@Command(name = "markers", mixinStandardHelpOptions = true,
        description = "Count the discourse-relation pairs of a prepared corpus by class (marker opening a sentence, or inside one),"
                + " under the configuration's discourse-relation settings.")
final class MarkersCommand
        implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOption config;

    @CommandLine.Option(names = "--prepared", required = true, paramLabel = "DIR", description = "The prepared corpus (ernie prepare).")
    private Path prepared;

    @Override
    public Integer call()
    {
        ConfigLoader loader = new ConfigLoader();
        ErnieConfig configuration = config.load(loader);
        int index = taskIndex(configuration);
        Map<String, Object> values = index < 0 ? Map.of() : configuration.tasks().get(index).settings();
        MapTaskSettings settings = new MapTaskSettings(index < 0 ? "tasks.discourse-relation" : "tasks[" + index + "].settings", values);
        PreparedCorpus corpus = PreparedCorpus.open(prepared);
        DocumentSource source = corpus.documents();
        Iterable<Document> documents = () -> IntStream.range(0, source.size()).mapToObj(source::get).iterator();
        RelationCounts counts;
        try {
            counts = DiscourseRelationTask.classCounts(settings, documents);
        }
        catch (InvalidSettingException e) {
            throw config.located(e, loader);
        }
        print(corpus, settings, values, counts, spec.commandLine().getOut());
        return 0;
    }

    /** Where the configuration's tasks list has discourse relation, or -1: then the task's defaults are counted. */
    private static int taskIndex(ErnieConfig configuration)
    {
        List<TaskSection> tasks = configuration.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(DiscourseRelationTask.NAME)) {
                return i;
            }
        }
        return -1;
    }

    private static void print(PreparedCorpus corpus, MapTaskSettings settings, Map<String, Object> values, RelationCounts counts, PrintWriter out)
    {
        out.printf(Locale.ROOT, "corpus: %s (%d documents, %d adjacent sentence pairs)%n", corpus.directory(), corpus.documents().size(), counts.pairs());
        out.println("settings: " + (values.isEmpty() ? "the task's defaults" : settings.path() + " " + new TreeMap<>(values)));
        out.println();
        out.println("| class | opening a sentence | inside a sentence | all | share |");
        out.println("| --- | --- | --- | --- | --- |");
        for (String relation : counts.classes()) {
            out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f%% |%n", relation, counts.opening(relation), counts.inside(relation),
                    counts.count(relation), 100 * counts.share(relation));
        }
        out.printf(Locale.ROOT, "| all | %,d | %,d | %,d | 100%% |%n", counts.total() - counts.insideTotal(), counts.insideTotal(), counts.total());
        out.flush();
    }
}
