package org.ernie4j.tasks.word;

import java.util.List;
import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokenDocumentRelationSettings
{
    @Test
    void defaultsAreTheDocumentedOnes()
    {
        TokenDocumentRelationSettings settings = TokenDocumentRelationSettings.read(Fixtures.settings("token-document-relation", Map.of()));
        assertThat(settings.ignoreStopWords()).isTrue();
        assertThat(settings.stopWords()).containsExactlyInAnyOrderElementsOf(StopWords.english());
        assertThat(settings).hasToString(TokenDocumentRelationSettings.defaults().toString())
                .hasToString("ignore-stop-words=true, stop-words=" + StopWords.english().size() + " words");
        assertThat(settings.isIgnored("the")).isTrue();
        assertThat(settings.isIgnored("union")).isFalse();
    }

    @Test
    void readsEveryKeyAndComparesStopWordsAsTypes()
    {
        MapTaskSettings values = Fixtures.settings("token-document-relation", Map.of(
                "ignore-stop-words", true, "stop-words", List.of("The", " Nation\u2019s ", "ＵＳＡ")));
        TokenDocumentRelationSettings settings = TokenDocumentRelationSettings.read(values);
        assertThat(settings.stopWords()).containsExactlyInAnyOrder("the", "nation's", "usa");
        assertThat(settings.isIgnored("of")).isFalse();
        assertThat(values.unreadKeys()).isEmpty();
    }

    @Test
    void ignoresNothingWhenStopWordsAreLabelled()
    {
        TokenDocumentRelationSettings settings = TokenDocumentRelationSettings.read(
                Fixtures.settings("token-document-relation", Map.of("ignore-stop-words", false)));
        assertThat(settings.isIgnored("the")).isFalse();
    }
}
