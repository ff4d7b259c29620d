package org.ernie4j.tasks.semantic;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ernie4j.spi.TaskSettings;

import static java.util.Objects.requireNonNull;

/**
 * The settings of discourse relation, read and validated when the task joins a run. The keys, their defaults and their
 * meaning are documented on {@link DiscourseRelationTask}.
 */
final class DiscourseRelationSettings
{
    static final String MARKERS_FILE = "markers-file";
    static final String MARKERS = "markers";
    static final String MAX_SEGMENT_LENGTH = "max-segment-length";
    static final String MAX_CLASS_SHARE = "max-class-share";
    static final String CLASS_WEIGHTS = "class-weights";
    static final String SAMPLE_DOCUMENTS = "sample-documents";
    static final String IN_SENTENCE = "in-sentence";
    static final String COMMA_MARKERS = "comma-markers";
    static final String CLASS_GROUPS = "class-groups";

    static final double DEFAULT_MAX_CLASS_SHARE = 0.25;
    static final int DEFAULT_SAMPLE_DOCUMENTS = 1000;
    /** The coordinating conjunctions of the shipped table: after a comma, they mostly join two clauses. */
    static final List<String> DEFAULT_COMMA_MARKERS = List.of("but", "yet");

    /** How the head weighs the classes in the loss. */
    enum ClassWeights
    {
        /** Every class weighs 1. */
        NONE,
        /** Weights that make every class weigh the same, from the class counts of a corpus sample. */
        BALANCED;

        String settingValue()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final DiscoursePairs pairs;
    private final int maxSegmentLength;
    private final double maxClassShare;
    private final ClassWeights classWeights;
    private final int sampleDocuments;

    DiscourseRelationSettings(DiscoursePairs pairs, int maxSegmentLength, double maxClassShare, ClassWeights classWeights, int sampleDocuments)
    {
        this.pairs = requireNonNull(pairs, "pairs is null");
        this.classWeights = requireNonNull(classWeights, "classWeights is null");
        this.maxSegmentLength = maxSegmentLength;
        this.maxClassShare = maxClassShare;
        this.sampleDocuments = sampleDocuments;
    }

    /**
     * Reads every key (so that none is reported as unknown) and validates it against the model's maximum input length.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static DiscourseRelationSettings read(TaskSettings settings, int maxSequenceLength)
    {
        requireNonNull(settings, "settings is null");
        DiscoursePairs pairs = pairs(settings);
        int longest = longestSegment(maxSequenceLength);
        if (longest < 1) {
            throw settings.invalid(MAX_SEGMENT_LENGTH, "a sentence pair needs inputs of at least 5 pieces, but the model's maximum length is "
                    + maxSequenceLength);
        }
        int maxSegmentLength = settings.getInt(MAX_SEGMENT_LENGTH, longest);
        if (maxSegmentLength < 1 || maxSegmentLength > longest) {
            throw settings.invalid(MAX_SEGMENT_LENGTH, "must be between 1 and " + longest + " (half of the maximum length "
                    + maxSequenceLength + " less [CLS] and two [SEP]), not " + maxSegmentLength);
        }
        double maxClassShare = settings.getDouble(MAX_CLASS_SHARE, DEFAULT_MAX_CLASS_SHARE);
        if (!(maxClassShare > 0 && maxClassShare <= 1)) {
            throw settings.invalid(MAX_CLASS_SHARE, "must be above 0 and at most 1 (1 keeps every example), not " + maxClassShare);
        }
        String weights = settings.getString(CLASS_WEIGHTS, ClassWeights.NONE.settingValue());
        ClassWeights classWeights = switch (weights) {
            case "none" -> ClassWeights.NONE;
            case "balanced" -> ClassWeights.BALANCED;
            default -> throw settings.invalid(CLASS_WEIGHTS, "must be 'none' or 'balanced', not '" + weights + "'");
        };
        int sampleDocuments = settings.getInt(SAMPLE_DOCUMENTS, DEFAULT_SAMPLE_DOCUMENTS);
        if (sampleDocuments < 1) {
            throw settings.invalid(SAMPLE_DOCUMENTS, "must be at least 1, not " + sampleDocuments);
        }
        return new DiscourseRelationSettings(pairs, maxSegmentLength, maxClassShare, classWeights, sampleDocuments);
    }

    /**
     * The pairs the settings mine: the marker table, and whether and after which punctuation markers inside a sentence
     * count.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of the first bad key
     */
    static DiscoursePairs pairs(TaskSettings settings)
    {
        DiscourseMarkers markers = markers(settings);
        boolean inSentence = settings.getBoolean(IN_SENTENCE, true);
        // A table of one's own need not have the shipped conjunctions: the default is those of them it has.
        List<String> afterComma = settings.getStringList(COMMA_MARKERS, DEFAULT_COMMA_MARKERS.stream().filter(markers::contains).toList());
        if (!inSentence) {
            return new DiscoursePairs(markers, Optional.empty());
        }
        try {
            return new DiscoursePairs(markers, Optional.of(new ClauseSplits(markers, afterComma)));
        }
        catch (IllegalArgumentException e) {
            throw settings.invalid(COMMA_MARKERS, e.getMessage());
        }
    }

    /**
     * The marker table the settings give ({@code markers-file}, {@code markers}, or the shipped English table), its
     * classes grouped as {@code class-groups} says.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the setting of a table that cannot be used
     */
    static DiscourseMarkers markers(TaskSettings settings)
    {
        DiscourseMarkers table = table(settings);
        List<String> entries = settings.getStringList(CLASS_GROUPS, List.of());
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int equals = entry.indexOf('=');
            String relation = equals < 0 ? "" : entry.substring(0, equals).strip();
            String group = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (relation.isEmpty() || group.isEmpty() || group.codePoints().anyMatch(Character::isWhitespace)) {
                throw settings.invalid(CLASS_GROUPS, "item " + i + " ('" + entry + "') is not class=group, such as 'contrast=comparison'");
            }
            if (!table.classes().contains(relation)) {
                throw settings.invalid(CLASS_GROUPS, "item " + i + " ('" + entry + "') names no class of the marker table; its classes are "
                        + table.classes());
            }
            if (groupOf.putIfAbsent(relation, group) != null) {
                throw settings.invalid(CLASS_GROUPS, "item " + i + " ('" + entry + "') groups class " + relation + " a second time");
            }
        }
        if (groupOf.isEmpty()) {
            return table;
        }
        DiscourseMarkers grouped = table.grouped(groupOf);
        if (grouped.classes().size() < 2) {
            throw settings.invalid(CLASS_GROUPS, "leaves 1 class (" + grouped.classes().get(0) + "), but discourse relation needs at least 2");
        }
        return grouped;
    }

    /** The marker table the settings give, as written. */
    private static DiscourseMarkers table(TaskSettings settings)
    {
        String file = settings.getString(MARKERS_FILE, null);
        List<String> entries = settings.getStringList(MARKERS, null);
        if (file != null && entries != null) {
            throw settings.invalid(MARKERS, "cannot be used together with " + MARKERS_FILE + ": give the marker table one way");
        }
        if (entries != null) {
            try {
                return DiscourseMarkers.ofEntries(entries);
            }
            catch (IllegalArgumentException e) {
                throw settings.invalid(MARKERS, e.getMessage());
            }
        }
        if (file == null) {
            return DiscourseMarkers.english();
        }
        Path path;
        try {
            path = Path.of(file);
        }
        catch (InvalidPathException e) {
            throw settings.invalid(MARKERS_FILE, "'" + file + "' is not a file name: " + e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            throw settings.invalid(MARKERS_FILE, "no such file: " + path.toAbsolutePath());
        }
        try {
            return DiscourseMarkers.load(path);
        }
        catch (IllegalArgumentException | UncheckedIOException e) {
            throw settings.invalid(MARKERS_FILE, e.getMessage());
        }
    }

    /** The most pieces of each sentence such that {@code [CLS] a [SEP] b [SEP]} always fits. */
    static int longestSegment(int maxSequenceLength)
    {
        return (maxSequenceLength - 3) / 2;
    }

    DiscourseMarkers markers()
    {
        return pairs.markers();
    }

    DiscoursePairs pairs()
    {
        return pairs;
    }

    int maxSegmentLength()
    {
        return maxSegmentLength;
    }

    double maxClassShare()
    {
        return maxClassShare;
    }

    /** True when some class may be thinned, which needs the class counts of a corpus sample. */
    boolean capsClasses()
    {
        return maxClassShare < 1;
    }

    ClassWeights classWeights()
    {
        return classWeights;
    }

    int sampleDocuments()
    {
        return sampleDocuments;
    }

    @Override
    public String toString()
    {
        return pairs + ", " + MAX_SEGMENT_LENGTH + "=" + maxSegmentLength
                + ", " + MAX_CLASS_SHARE + "=" + maxClassShare + ", " + CLASS_WEIGHTS + "=" + classWeights.settingValue()
                + ", " + SAMPLE_DOCUMENTS + "=" + sampleDocuments;
    }
}
