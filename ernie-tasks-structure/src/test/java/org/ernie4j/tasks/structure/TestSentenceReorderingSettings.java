package org.ernie4j.tasks.structure;

import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSentenceReorderingSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        SentenceReorderingSettings settings = SentenceReorderingSettings.read(Fixtures.settings("sentence-reordering", Map.of()), 128);
        assertThat(settings.maxSegments()).isEqualTo(3);
        assertThat(settings.classCount()).isEqualTo(9);
        // The longest paragraph that fits with [CLS] and a [SEP] after each of 3 segments.
        assertThat(settings.maxParagraphLength()).isEqualTo(124);
    }

    @Test
    void theDefaultParagraphLengthFollowsMaxSegments()
    {
        MapTaskSettings values = Fixtures.settings("sentence-reordering", Map.of("max-segments", 5));
        assertThat(SentenceReorderingSettings.read(values, 512)).hasToString("max-segments=5, max-paragraph-length=506");
    }

    @Test
    void readsEveryKey()
    {
        MapTaskSettings values = Fixtures.settings("sentence-reordering", Map.of("max-segments", 2, "max-paragraph-length", 60));
        assertThat(SentenceReorderingSettings.read(values, 128)).hasToString("max-segments=2, max-paragraph-length=60");
        assertThat(values.unreadKeys()).isEmpty();
    }
}
