package org.ernie4j.tasks.semantic;

import java.nio.file.Path;
import java.util.Map;

import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestIrRelevanceSettings
{
    private static final Path LOG = TestIrRelevanceTask.resource("searchlog/clicks.tsv");

    @Test
    void defaultsAreTheDocumentedOnes()
    {
        IrRelevanceSettings settings = read(Map.of("log", LOG.toString()));
        assertThat(settings.log()).contains(LOG);
        assertThat(settings.fallback()).isEqualTo(IrRelevanceSettings.Fallback.NONE);
        assertThat(settings.randomTitleShare()).isEqualTo(1.0 / 3);
        assertThat(settings.maxQueryLength()).isEqualTo(62);
        assertThat(read(Map.of("fallback", "document-titles")).log()).isEmpty();
        IrRelevanceSettings passages = read(Map.of("fallback", "passages"));
        assertThat(passages.fallback()).isEqualTo(IrRelevanceSettings.Fallback.PASSAGES);
        assertThat(passages.weakShare()).isEqualTo(1.0 / 3);
        assertThat(passages.randomTitleShare()).isEqualTo(1.0 / 3);
        assertThat(passages.log()).isEmpty();
    }

    @Test
    void byDefaultAPassOverTheCorpusDrawsEachLogPairOnceInExpectation()
    {
        IrRelevanceSettings thirds = read(Map.of("log", LOG.toString()));
        // 3000 pairs, two thirds of the draws from the log, 100 documents: 3000 / (2/3 x 100) = 45.
        assertThat(thirds.pairsPerDocument(3000, 100)).isEqualTo(45);
        assertThat(thirds.pairsPerDocument(3001, 100)).isEqualTo(46);
        assertThat(thirds.pairsPerDocument(10, 100)).isEqualTo(1);
        assertThat(thirds.pairsPerDocument(0, 100)).isEqualTo(1);
        assertThat(thirds.pairsPerDocument(1_000_000, 100)).isEqualTo(256);
        assertThat(thirds.pairsPerDocument(24, 0)).as("an empty corpus counts as one document").isEqualTo(36);
        assertThat(read(Map.of("log", LOG.toString(), "random-title-share", 1)).pairsPerDocument(300, 100)).isEqualTo(3);
        assertThat(read(Map.of("log", LOG.toString(), "pairs-per-document", 7)).pairsPerDocument(3000, 100)).isEqualTo(7);
        assertThat(read(Map.of("fallback", "document-titles")).pairsPerDocument(0, 100)).isEqualTo(1);
        assertThat(read(Map.of("fallback", "passages")).pairsPerDocument(0, 100)).isEqualTo(64);
        assertThat(read(Map.of("fallback", "passages", "pairs-per-document", 9)).pairsPerDocument(0, 100)).isEqualTo(9);
    }

    private static IrRelevanceSettings read(Map<String, ?> values)
    {
        return IrRelevanceSettings.read(Fixtures.settings("ir-relevance", values), 128);
    }
}
