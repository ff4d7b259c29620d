package org.ernie4j.tasks.word;

import java.util.Map;

import org.ernie4j.testkit.TestingTaskSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCapitalizationSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        CapitalizationSettings settings = CapitalizationSettings.read(TestingTaskSettings.empty("capitalization"));
        assertThat(settings.ignoreSentenceInitial()).isTrue();
        assertThat(settings).isEqualTo(CapitalizationSettings.defaults());
        assertThat(settings).hasToString("ignore-sentence-initial=true");
    }

    @Test
    void readsEveryKey()
    {
        TestingTaskSettings values = new TestingTaskSettings("capitalization", Map.of("ignore-sentence-initial", false));
        assertThat(CapitalizationSettings.read(values).ignoreSentenceInitial()).isFalse();
        assertThat(values.unreadKeys()).isEmpty();
    }
}
