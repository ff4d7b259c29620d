package org.ernie4j.core.text.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * What reading a corpus found: how many files were examined and documents read, and what was skipped for which reason,
 * with a few examples of each so that a user can look at them.
 *
 * @param files the files examined, skipped ones included
 * @param documents the documents read
 * @param skipped the skipped files, lines or documents by reason; reasons that never occurred are absent
 */
@PublicApi
public record CorpusReport(long files, long documents, Map<SkipReason, Skipped> skipped)
{
    /** How many examples of each skip reason a report keeps. */
    public static final int MAX_EXAMPLES = 5;

    public CorpusReport
    {
        requireNonNull(skipped, "skipped is null");
        EnumMap<SkipReason, Skipped> copy = new EnumMap<>(SkipReason.class);
        copy.putAll(skipped);
        skipped = Collections.unmodifiableMap(copy);
    }

    /**
     * The skipped inputs of one reason.
     *
     * @param count how many
     * @param examples the first few, as file names relative to the corpus root, with {@code :line} for lines of a file
     */
    public record Skipped(long count, List<String> examples)
    {
        public Skipped
        {
            examples = List.copyOf(requireNonNull(examples, "examples is null"));
        }
    }

    public long skippedCount(SkipReason reason)
    {
        Skipped entry = skipped.get(reason);
        return entry == null ? 0 : entry.count();
    }

    public long totalSkipped()
    {
        return skipped.values().stream().mapToLong(Skipped::count).sum();
    }

    /** One line for a log: documents read and skips by reason, with the first example of each. */
    public String summary()
    {
        StringBuilder summary = new StringBuilder()
                .append(documents).append(" documents from ").append(files).append(" files");
        if (!skipped.isEmpty()) {
            StringJoiner reasons = new StringJoiner("; ", "; skipped: ", "");
            skipped.forEach((reason, entry) -> reasons.add(
                    entry.count() + " " + reason.description() + " (e.g. " + entry.examples().get(0) + ")"));
            summary.append(reasons);
        }
        return summary.toString();
    }

    /** Collects the counts while a corpus is read; confined to the reading thread. */
    public static final class Builder
    {
        private long files;
        private long documents;
        private final Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        private final Map<SkipReason, List<String>> examples = new EnumMap<>(SkipReason.class);

        public Builder fileExamined()
        {
            files++;
            return this;
        }

        public Builder documentRead()
        {
            documents++;
            return this;
        }

        public Builder skipped(SkipReason reason, String example)
        {
            requireNonNull(reason, "reason is null");
            requireNonNull(example, "example is null");
            counts.merge(reason, 1L, Long::sum);
            List<String> list = examples.computeIfAbsent(reason, ignored -> new ArrayList<>());
            if (list.size() < MAX_EXAMPLES) {
                list.add(example);
            }
            return this;
        }

        public long documents()
        {
            return documents;
        }

        public CorpusReport build()
        {
            Map<SkipReason, Skipped> skipped = new EnumMap<>(SkipReason.class);
            counts.forEach((reason, count) -> skipped.put(reason, new Skipped(count, examples.get(reason))));
            return new CorpusReport(files, documents, skipped);
        }
    }
}
