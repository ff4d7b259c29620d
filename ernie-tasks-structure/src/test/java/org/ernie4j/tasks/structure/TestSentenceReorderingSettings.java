package org.ernie4j.tasks.structure;

import java.util.Map;

import org.ernie4j.testkit.TestingTaskSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSentenceReorderingSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        SentenceReorderingSettings settings = SentenceReorderingSettings.read(TestingTaskSettings.empty("sentence-reordering"), 128);
        assertThat(settings.maxSegments()).isEqualTo(3);
        assertThat(settings.classCount()).isEqualTo(9);
        // The longest paragraph that fits with [CLS] and a [SEP] after each of 3 segments.
        assertThat(settings.maxParagraphLength()).isEqualTo(124);
    }

    @Test
    void theDefaultParagraphLengthFollowsMaxSegments()
    {
        TestingTaskSettings values = new TestingTaskSettings("sentence-reordering", Map.of("max-segments", 5));
        assertThat(SentenceReorderingSettings.read(values, 512)).hasToString("max-segments=5, max-paragraph-length=506");
    }

    @Test
    void readsEveryKey()
    {
        TestingTaskSettings values = new TestingTaskSettings("sentence-reordering", Map.of("max-segments", 2, "max-paragraph-length", 60));
        assertThat(SentenceReorderingSettings.read(values, 128)).hasToString("max-segments=2, max-paragraph-length=60");
        assertThat(values.unreadKeys()).isEmpty();
    }
}
