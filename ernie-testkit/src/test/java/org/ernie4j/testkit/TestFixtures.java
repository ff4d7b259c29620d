package org.ernie4j.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ernie4j.spi.MapTaskSettings;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the shared fixture that every test built on it relies on. They must hold for the hand-made stand-in and
 * for the real fixture that will replace it.
 */
class TestFixtures
{
    private static final List<Document> DOCUMENTS = Fixtures.sotu();
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void hasSeveralDocumentsOfRealText()
    {
        assertThat(DOCUMENTS).hasSizeGreaterThanOrEqualTo(3);
        assertThat(DOCUMENTS).extracting(Document::id).doesNotHaveDuplicates();
        assertThat(DOCUMENTS).allSatisfy(document -> assertThat(document.sentences()).isNotEmpty());
        assertThat(DOCUMENTS.stream().mapToInt(Document::pieceCount).sum()).isGreaterThan(100);
    }

    @Test
    void hasEntitiesPhrasesAndWordsOfSeveralPieces()
    {
        List<Sentence> sentences = DOCUMENTS.stream().flatMap(document -> document.sentences().stream()).toList();
        assertThat(sentences.stream().flatMap(sentence -> sentence.entities().stream()).filter(span -> span.length() > 1)).isNotEmpty();
        assertThat(sentences.stream().flatMap(sentence -> sentence.chunks().stream()).filter(span -> span.length() > 1)).isNotEmpty();
        assertThat(sentences.stream().flatMap(sentence -> sentence.tokens().stream()).filter(token -> token.pieceCount() > 1)).isNotEmpty();
        // Entities and phrases nest: "the United States" is a phrase holding an entity, a case knowledge masking must handle.
        assertThat(sentences.stream().anyMatch(sentence -> sentence.entities().stream().anyMatch(entity -> sentence.chunks().stream()
                .anyMatch(chunk -> chunk.start() <= entity.start() && entity.end() <= chunk.end() && chunk.length() > entity.length())))).isTrue();
    }

    @Test
    void everyTokenIsWhereItsOffsetSays()
    {
        for (Document document : DOCUMENTS) {
            for (Sentence sentence : document.sentences()) {
                for (Token token : sentence.tokens()) {
                    assertThat(sentence.text().substring(token.start() - sentence.start(), token.end() - sentence.start()))
                            .as("token at %d in %s", token.start(), document.id())
                            .isEqualTo(token.surface());
                }
            }
        }
    }

    @Test
    void piecesAreTheWordPiecesOfEachSurface()
    {
        // The annotator and TestingVocabulary must agree on WordPiece, or tests would exercise pieces no real run produces.
        for (Document document : DOCUMENTS) {
            for (Sentence sentence : document.sentences()) {
                for (Token token : sentence.tokens()) {
                    assertThat(token.pieceIds()).as("pieces of '%s' (%s)", token.surface(), Arrays.toString(token.pieceIds()))
                            .containsExactly(VOCABULARY.encode(token.surface()));
                }
            }
        }
    }

    @Test
    void properEntitiesAreRunsOfProperNouns()
    {
        for (Document document : DOCUMENTS) {
            for (Sentence sentence : document.sentences()) {
                for (Span entity : sentence.entities().stream().filter(span -> span.label().equals("PROPER")).toList()) {
                    assertThat(sentence.tokens().subList(entity.start(), entity.end()))
                            .extracting(Token::pos).allMatch(pos -> pos.startsWith("NNP"));
                }
            }
        }
    }

    @Test
    void givesAContextOverTheFixture()
    {
        TestingTaskContext context = Fixtures.context("my-task", Map.of("rate", 0.5));
        assertThat(context.vocabulary()).isSameAs(VOCABULARY);
        assertThat(context.corpus().documents()).isEqualTo(DOCUMENTS);
        assertThat(context.maxSequenceLength()).isEqualTo(TaskContractCheck.FIXTURE_MAX_SEQUENCE_LENGTH);
        assertThat(context.settings().getDouble("rate", 0.1)).isEqualTo(0.5);
        assertThat(context.settings().invalid("rate", "too high").path()).isEqualTo("tasks.my-task.rate");
        assertThat(Fixtures.context("my-task", Map.of()).settings().readKeys()).as("a new context each time").isEmpty();
    }

    @Test
    void givesSettingsUnderTheTaskName()
    {
        MapTaskSettings settings = Fixtures.settings("my-task", Map.of("rate", "high", "unread", 1));
        assertThatThrownBy(() -> settings.getDouble("rate", 0.1)).hasMessage("tasks.my-task.rate: expected a number, not the text 'high'");
        assertThat(settings.unreadKeys()).containsExactly("unread");
    }
}
