package org.ernie4j.core.text.prepare;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.StringJoiner;

import static java.util.Objects.requireNonNull;

/**
 * What a preparation is of: the formats it writes, the input (by fingerprint) and every setting that shapes the output.
 * An unfinished preparation is continued only by one of the same work.
 *
 * @param formatVersion the manifest format
 * @param shardFormatVersion the shard file format
 * @param corpusFingerprint the input's fingerprint
 * @param settings the settings the manifest will record
 * @param vocabularyFileSha256 the SHA-256 of the given vocabulary file, or null when the vocabulary is trained (the
 * settings name the file but not its content)
 * @param maxDistinctWords the bound on distinct words counted for training, or null when the vocabulary is given (not in
 * the settings, which the manifest records in a fixed format, but it shapes a trained vocabulary once it is reached)
 */
record PreparationWork(int formatVersion, int shardFormatVersion, String corpusFingerprint, PreparationSettings settings, String vocabularyFileSha256,
        Integer maxDistinctWords)
{
    PreparationWork
    {
        requireNonNull(corpusFingerprint, "corpusFingerprint is null");
        requireNonNull(settings, "settings is null");
    }

    /** Why an unfinished preparation of {@code earlier} work cannot be continued by this one; empty when it can. */
    String differenceFrom(PreparationWork earlier)
    {
        if (formatVersion != earlier.formatVersion || shardFormatVersion != earlier.shardFormatVersion) {
            return "it was written in another format";
        }
        if (!corpusFingerprint.equals(earlier.corpusFingerprint)) {
            return "the input changed since (fingerprint " + earlier.corpusFingerprint + ", now " + corpusFingerprint + ")";
        }
        if (!settings.equals(earlier.settings)) {
            return "it was made with other settings (" + changedSettings(earlier.settings) + ")";
        }
        if (!Objects.equals(vocabularyFileSha256, earlier.vocabularyFileSha256)) {
            return "the vocabulary file changed since";
        }
        if (!Objects.equals(maxDistinctWords, earlier.maxDistinctWords)) {
            return "it counted words for the vocabulary with another bound (" + earlier.maxDistinctWords + ", now " + maxDistinctWords + ")";
        }
        return "";
    }

    private String changedSettings(PreparationSettings earlier)
    {
        StringJoiner changes = new StringJoiner(", ");
        for (RecordComponent component : PreparationSettings.class.getRecordComponents()) {
            Object before = value(component, earlier);
            Object now = value(component, settings);
            if (!Objects.equals(before, now)) {
                changes.add(component.getName() + " " + before + ", now " + now);
            }
        }
        return changes.toString();
    }

    private static Object value(RecordComponent component, PreparationSettings settings)
    {
        try {
            return component.getAccessor().invoke(settings);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is public: " + component, e);
        }
    }
}
