package org.ernie4j.core.run;

import java.nio.file.Path;

import org.ernie4j.core.training.StepRecord;
import org.ernie4j.core.training.TrainingListener;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run's {@code task-events.jsonl}: tasks that joined or left while training ran, with the new stage table, and
 * plugin jars that were refused.
 */
final class TaskEventLog
        implements TrainingListener, AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonLinesFile file;
    private volatile long step;

    private TaskEventLog(JsonLinesFile file, long step)
    {
        this.file = file;
        this.step = step;
    }

    static TaskEventLog open(Path file, long completedSteps)
    {
        return new TaskEventLog(JsonLinesFile.open(file, completedSteps), completedSteps);
    }

    @Override
    public void onStep(StepRecord record)
    {
        step = record.step() + 1;
    }

    @Override
    public void onTasksChanged(long at, String description, String stageTable)
    {
        write(at, "changed", description, stageTable);
    }

    @Override
    public void onTaskRefused(long at, String reason)
    {
        write(at, "refused", reason, null);
    }

    /** A refused plugin jar, at the step boundary the run had reached. */
    void refused(String message)
    {
        write(step, "refused", message, null);
    }

    private synchronized void write(long at, String kind, String message, String stageTable)
    {
        ObjectNode line = JSON.createObjectNode().put("step", at).put("event", kind).put("message", message);
        if (stageTable != null) {
            line.put("schedule", stageTable);
        }
        file.append(line.toString());
        file.flush();
    }

    @Override
    public void close()
    {
        file.close();
    }
}
