package org.ernie4j.tasks.semantic;

import java.util.List;
import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDiscourseRelationSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        DiscourseRelationSettings settings = DiscourseRelationSettings.read(Fixtures.settings("discourse-relation", Map.of()), 128);
        assertThat(settings.markers()).isSameAs(DiscourseMarkers.english());
        // Half of what is left of 128 pieces after [CLS] and two [SEP].
        assertThat(settings.maxSegmentLength()).isEqualTo(62);
        assertThat(settings.maxClassShare()).isEqualTo(0.25);
        assertThat(settings.capsClasses()).isTrue();
        assertThat(settings.classWeights()).isEqualTo(DiscourseRelationSettings.ClassWeights.NONE);
        assertThat(settings.sampleDocuments()).isEqualTo(1000);
        assertThat(settings).hasToString("170 markers in 11 classes, in-sentence=true, comma-markers=[but, yet], max-segment-length=62, max-class-share=0.25, class-weights=none, sample-documents=1000");
    }

    @Test
    void readsEveryKey()
    {
        MapTaskSettings values = Fixtures.settings("discourse-relation", Map.of("markers", List.of("but=contrast", "for example=example"),
                "max-segment-length", 40, "max-class-share", 1, "in-sentence", false, "comma-markers", List.of("but"), "class-weights", "balanced", "sample-documents", 50));
        DiscourseRelationSettings settings = DiscourseRelationSettings.read(values, 128);
        assertThat(settings).hasToString("2 markers in 2 classes, in-sentence=false, max-segment-length=40, max-class-share=1.0, class-weights=balanced, sample-documents=50");
        assertThat(settings.capsClasses()).isFalse();
        assertThat(values.unreadKeys()).isEmpty();
    }
}
