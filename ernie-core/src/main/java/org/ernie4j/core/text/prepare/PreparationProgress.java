package org.ernie4j.core.text.prepare;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What an unfinished preparation has completed, as {@value PartialPreparation#PROGRESS_FILE} records it.
 *
 * @param work what the preparation is of
 * @param vocabulary the vocabulary file it annotates with, written before any shard
 * @param shards the complete shards, in order
 */
record PreparationProgress(PreparationWork work, VocabularyInfo vocabulary, List<CompleteShard> shards)
{
    PreparationProgress
    {
        requireNonNull(work, "work is null");
        requireNonNull(vocabulary, "vocabulary is null");
        shards = List.copyOf(requireNonNull(shards, "shards is null"));
    }

    PreparationProgress with(CompleteShard shard)
    {
        List<CompleteShard> more = new ArrayList<>(shards);
        more.add(shard);
        return new PreparationProgress(work, vocabulary, more);
    }
}
