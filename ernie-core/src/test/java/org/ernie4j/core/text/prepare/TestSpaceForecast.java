package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.ernie4j.core.text.annotate.AnnotationStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

public class TestSpaceForecast
{
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    public void estimatesTheWholeCorpusFromTheBytesPerDocumentSoFar()
    {
        // Two shards of 3 MiB and 1 MiB hold the first 40 of 200 documents: about 20 MiB in all, 16 MiB still to write.
        List<CompleteShard> shards = List.of(shard(3 * MIB, 20), shard(MIB, 40));
        SpaceForecast roomy = new SpaceForecast(directory, 4 * MIB, 40, 200, OptionalLong.of(17 * MIB));
        SpaceForecast tight = new SpaceForecast(directory, 4 * MIB, 40, 200, OptionalLong.of(15 * MIB));

        assertThat(SpaceForecast.of(directory, shards, 200)).satisfies(forecast -> {
            assertThat(forecast.written()).isEqualTo(4 * MIB);
            assertThat(forecast.documentsDone()).isEqualTo(40);
            assertThat(forecast.usable()).as("this disk says how much room it has").isPresent();
        });
        assertThat(roomy.expectedInAll()).hasValue(20 * MIB);
        assertThat(roomy.shortOfSpace()).isFalse();
        assertThat(tight.shortOfSpace()).isTrue();
        assertThat(tight.describe(2)).isEqualTo("the disk holding " + directory + " has 15.0 MiB free; the 2 complete shards take 4.0 MiB,"
                + " the whole prepared corpus will take about 20.0 MiB");
    }

    @Test
    public void beforeTheFirstShardItCannotTellAndDoesNotWarn()
    {
        SpaceForecast none = SpaceForecast.of(directory, List.of(), 200);

        assertThat(none.expectedInAll()).isEmpty();
        assertThat(none.shortOfSpace()).isFalse();
        assertThat(none.describe(0)).startsWith("the disk holding " + directory + " has ").endsWith(" free");
        assertThat(new SpaceForecast(directory, 0, 0, 200, OptionalLong.empty()).describe(0))
                .isEqualTo("the disk holding " + directory + " does not say how much room it has");
    }

    private static CompleteShard shard(long bytes, long documentsUpTo)
    {
        return new CompleteShard(new ShardInfo("shard.bin", 20, bytes, "0".repeat(64)),
                new PreparationCounts(documentsUpTo, 0, new CorpusStats(documentsUpTo, 0, 0, 0), AnnotationStats.NONE));
    }
}
