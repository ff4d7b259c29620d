package org.ernie4j.tasks.word;

import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCapitalizationSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        CapitalizationSettings settings = CapitalizationSettings.read(Fixtures.settings("capitalization", Map.of()));
        assertThat(settings.ignoreSentenceInitial()).isTrue();
        assertThat(settings).isEqualTo(CapitalizationSettings.defaults());
        assertThat(settings).hasToString("ignore-sentence-initial=true");
    }

    @Test
    void readsEveryKey()
    {
        MapTaskSettings values = Fixtures.settings("capitalization", Map.of("ignore-sentence-initial", false));
        assertThat(CapitalizationSettings.read(values).ignoreSentenceInitial()).isFalse();
        assertThat(values.unreadKeys()).isEmpty();
    }
}
