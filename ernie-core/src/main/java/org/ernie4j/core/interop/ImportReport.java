package org.ernie4j.core.interop;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.PublicApi;

/**
 * What an import did besides copying tensors one to one, so that nothing happens unseen: parameters it created, tensors
 * it left out because the user asked, configuration keys it did not read, and differences worth knowing.
 *
 * @param imported tensors copied into ernie4j parameters
 * @param created ernie4j parameters (or parts) the file did not have, and how they were filled
 * @param ignored tensors of the file left out at the user's request
 * @param unusedConfigKeys keys of {@code config.json} that do not change the encoder's function
 * @param notes differences between the file's model and ernie4j's that only matter for training
 */
@PublicApi
public record ImportReport(int imported, List<String> created, List<String> ignored, List<String> unusedConfigKeys, List<String> notes)
{
    public ImportReport
    {
        created = List.copyOf(created);
        ignored = List.copyOf(ignored);
        unusedConfigKeys = List.copyOf(unusedConfigKeys);
        notes = List.copyOf(notes);
    }

    /** The report as lines for a person. */
    public List<String> lines()
    {
        List<String> lines = new ArrayList<>();
        lines.add("imported " + imported + " tensors");
        created.forEach(line -> lines.add("created: " + line));
        ignored.forEach(line -> lines.add("ignored as asked: " + line));
        if (!unusedConfigKeys.isEmpty()) {
            lines.add("config keys not used (they do not change the encoder's function): " + String.join(", ", unusedConfigKeys));
        }
        notes.forEach(line -> lines.add("note: " + line));
        return lines;
    }
}
