package org.ernie4j.tasks.word;

import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestKnowledgeMaskingSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        KnowledgeMaskingSettings settings = KnowledgeMaskingSettings.read(Fixtures.settings("knowledge-masking", Map.of()));
        assertThat(settings.maskingRate()).isEqualTo(0.15);
        assertThat(settings.strategy()).isEqualTo(MaskingStrategy.MIXED);
        assertThat(settings.entityShare()).isEqualTo(0.4);
        assertThat(settings.phraseShare()).isEqualTo(0.4);
        assertThat(settings.maskProbability()).isEqualTo(0.8);
        assertThat(settings.randomProbability()).isEqualTo(0.1);
        assertThat(settings).hasToString(KnowledgeMaskingSettings.defaults().toString());
    }

    @Test
    void readsEveryKey()
    {
        MapTaskSettings values = Fixtures.settings("knowledge-masking", Map.of(
                "masking-rate", 0.25, "strategy", "phrase", "entity-share", 0.1, "phrase-share", 0.2, "mask-probability", 0.5, "random-probability", 0.25));
        KnowledgeMaskingSettings settings = KnowledgeMaskingSettings.read(values);
        assertThat(settings).hasToString(
                "masking-rate=0.25, strategy=phrase, entity-share=0.1, phrase-share=0.2, mask-probability=0.5, random-probability=0.25");
        assertThat(values.unreadKeys()).isEmpty();
    }

    @Test
    void strategiesHaveLowerCaseConfigNames()
    {
        assertThat(MaskingStrategy.configNames()).isEqualTo("mixed, entity, phrase, word");
        assertThat(MaskingStrategy.fromConfigName("entity")).contains(MaskingStrategy.ENTITY);
        assertThat(MaskingStrategy.fromConfigName("Entity")).isEmpty();
    }
}
