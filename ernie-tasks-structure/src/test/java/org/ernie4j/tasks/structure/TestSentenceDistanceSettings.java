package org.ernie4j.tasks.structure;

import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSentenceDistanceSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        SentenceDistanceSettings settings = SentenceDistanceSettings.read(Fixtures.settings("sentence-distance", Map.of()), 128);
        for (DistanceLabel label : DistanceLabel.values()) {
            assertThat(settings.balance().probability(label)).as("%s", label).isCloseTo(1.0 / 3, within(1e-12));
        }
        // Half of what is left of 128 pieces after [CLS] and two [SEP].
        assertThat(settings.maxSegmentLength()).isEqualTo(62);
        assertThat(SentenceDistanceSettings.read(Fixtures.settings("sentence-distance", Map.of()), 512).maxSegmentLength()).isEqualTo(254);
        assertThat(settings.sentencesPerSegment()).as("one sentence per side, the paper's pairs").isEqualTo(1);
    }

    @Test
    void readsEveryKey()
    {
        MapTaskSettings values = Fixtures.settings("sentence-distance", Map.of(
                "adjacent-weight", 2, "same-document-weight", 1, "other-document-weight", 1.0, "max-segment-length", 40, "sentences-per-segment", 3));
        assertThat(SentenceDistanceSettings.read(values, 128))
                .hasToString("class balance [0.5, 0.25, 0.25], max-segment-length=40, sentences-per-segment=3");
        assertThat(values.unreadKeys()).isEmpty();
    }
}
