package org.ernie4j.core.run;

import java.util.List;

import org.ernie4j.core.config.ConfigException;
import org.ernie4j.core.config.ErnieConfig;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.core.training.task.ActiveTask;
import org.ernie4j.core.training.task.TaskCatalog;
import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.DocumentSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration's tasks, checked before any corpus is read: preparing a real corpus takes minutes to hours, and a
 * misspelled task name or setting should cost seconds. Each task reads its settings once without a corpus, over a
 * vocabulary of the special tokens alone.
 */
final class StartCheck
{
    private static final Logger LOG = LoggerFactory.getLogger(StartCheck.class);
    private static final DocumentSource NO_DOCUMENTS = new DocumentSource()
    {
        @Override
        public int size()
        {
            return 0;
        }

        @Override
        public Document get(int index)
        {
            throw new IndexOutOfBoundsException("no documents before the corpus is prepared");
        }
    };

    private StartCheck()
    {
    }

    /**
     * @throws ConfigException naming a configured task that no jar offers
     * @throws InvalidSettingException naming a setting a task refuses or does not read
     */
    static void tasks(ErnieConfig config, AvailableTasks available)
    {
        TaskCatalog catalog = available.catalog();
        for (int i = 0; i < config.tasks().size(); i++) {
            String name = config.tasks().get(i).name();
            if (!catalog.tasks().containsKey(name)) {
                throw new ConfigException("tasks[" + i + "].name", "no pre-training task named '" + name + "'; known tasks: "
                        + String.join(", ", catalog.tasks().keySet()));
            }
            readSettings(catalog.get(name), new MapTaskSettings("tasks[" + i + "].settings", config.tasks().get(i).settings()),
                    config.training().sequenceLength());
        }
        List<String> configured = config.tasks().stream().map(task -> task.name()).toList();
        for (String name : available.fromFolder()) {
            if (!configured.contains(name)) {
                // It joins at the first step boundary with these settings.
                readSettings(catalog.get(name), new MapTaskSettings("plugins.settings." + name, config.plugins().settingsOf(name)),
                        config.training().sequenceLength());
            }
        }
    }

    private static void readSettings(PretrainingTask task, MapTaskSettings settings, int maxSequenceLength)
    {
        try {
            ActiveTask.readSettings(task, settings, WordPieceVocabulary.of(WordPieceVocabulary.SPECIAL_TOKENS), maxSequenceLength, NO_DOCUMENTS);
        }
        catch (InvalidSettingException | ConfigException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // Not a setting: something that needs the corpus. The task reports it itself when it joins the run with one.
            LOG.debug("task {} could not be tried without a corpus", task.info().name(), e);
        }
    }
}
