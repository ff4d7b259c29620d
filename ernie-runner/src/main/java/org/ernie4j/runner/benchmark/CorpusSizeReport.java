package org.ernie4j.runner.benchmark;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Training memory and speed on prepared corpora of several sizes, each trained in a process of its own: memory that does
 * not depend on the corpus shows as resident figures that stay flat while the corpus grows.
 *
 * @param provenance where and how the figures were measured
 * @param setup one line on the model, tasks and steps
 * @param rows one per corpus size, smallest first
 */
public record CorpusSizeReport(Provenance provenance, String setup, List<Row> rows)
{
    private static final double MIB = 1024.0 * 1024;

    public CorpusSizeReport
    {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(setup, "setup is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a corpus-size report needs at least one corpus");
        }
    }

    /**
     * One corpus trained on.
     *
     * @param copies how many copies of the source corpus it holds
     * @param documents its documents
     * @param pieces its word pieces
     * @param bytesOnDisk the size of its shards
     * @param peakResident the training process's peak resident memory
     * @param meanResidentSecondHalf the mean of the resident samples over the second half of the steps
     * @param heapAfterGc the heap in use after a full collection at the end
     * @param medianStepSeconds the median step time
     */
    public record Row(int copies, long documents, long pieces, long bytesOnDisk, long peakResident, double meanResidentSecondHalf,
            long heapAfterGc, double medianStepSeconds)
    {
    }

    public String markdown()
    {
        Row first = rows.get(0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n### Training memory against corpus size, %s%n%n", provenance.measuredAt()));
        text.append("- command: `").append(provenance.command()).append("`\n");
        text.append("- machine: ").append(provenance.machine()).append('\n');
        text.append("- software: ernie4j ").append(provenance.ernie4jVersion()).append(", ND4J ").append(provenance.nd4jVersion())
                .append(", Java ").append(provenance.javaVersion()).append('\n');
        text.append("- ").append(setup).append('\n');
        text.append("- each corpus trained in a process of its own; larger corpora are copies of the source's documents (`CorpusReplicas`), "
                + "not new text\n\n");
        text.append("| copies | documents | word pieces | shards on disk | peak RSS | mean RSS, second half of the steps | heap after GC "
                + "| median step | peak RSS / first row's |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %.1f MiB | %.0f MiB | %.0f MiB | %.1f MiB | %.3f s | %.3f |%n", row.copies(),
                    row.documents(), row.pieces(), row.bytesOnDisk() / MIB, row.peakResident() / MIB, row.meanResidentSecondHalf() / MIB,
                    row.heapAfterGc() / MIB, row.medianStepSeconds(), (double) row.peakResident() / first.peakResident()));
        }
        return text.toString();
    }
}
