package org.ernie4j.core.training.data;

/**
 * A task's label generator failed on a document. The run stops (a task does not silently leave the schedule); the
 * message names the task and the document, so the plugin or the data can be fixed.
 */
public class LabelGenerationException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public LabelGenerationException(String task, String document, RuntimeException cause)
    {
        super("task " + task + " failed to make examples from document " + document + ": " + cause, cause);
    }
}
