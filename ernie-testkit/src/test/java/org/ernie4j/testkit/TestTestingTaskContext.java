package org.ernie4j.testkit;

import java.util.List;
import java.util.Map;

import org.ernie4j.spi.document.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTestingTaskContext
{
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));

    @Test
    void hasDefaults()
    {
        TestingTaskContext context = TestingTaskContext.builder(VOCABULARY).build();
        assertThat(context.taskId()).isZero();
        assertThat(context.vocabulary()).isSameAs(VOCABULARY);
        assertThat(context.maxSequenceLength()).isEqualTo(128);
        assertThat(context.corpus().size()).isZero();
        assertThat(context.heldOut().size()).isZero();
        assertThat(context.settings().keys()).isEmpty();
        assertThat(context.settings().invalid("k", "bad").path()).isEqualTo("tasks.testing-task.k");
        assertThat(context.reporter()).isSameAs(context.testingReporter());
    }

    @Test
    void takesWhatItIsGiven()
    {
        Document document = new Document("d", null, List.of());
        Document heldOut = new Document("h", null, List.of());
        TestingTaskReporter reporter = new TestingTaskReporter();
        TestingTaskContext context = TestingTaskContext.builder(VOCABULARY)
                .taskId(3)
                .taskName("knowledge-masking")
                .settings(Map.of("masking-rate", 0.2))
                .maxSequenceLength(64)
                .corpus(List.of(document))
                .heldOut(List.of(heldOut))
                .reporter(reporter)
                .build();
        assertThat(context.taskId()).isEqualTo(3);
        assertThat(context.maxSequenceLength()).isEqualTo(64);
        assertThat(context.corpus().get(0)).isSameAs(document);
        assertThat(context.heldOut().documents()).containsExactly(heldOut);
        assertThat(context.reporter()).isSameAs(reporter);
        assertThat(context.settings().getDouble("masking-rate", 0.15)).isEqualTo(0.2);
        assertThat(context.settings().unreadKeys()).isEmpty();
        assertThat(context.settings().invalid("masking-rate", "bad").path()).isEqualTo("tasks.knowledge-masking.masking-rate");
    }

    @Test
    void validatesWhatItIsGiven()
    {
        assertThatThrownBy(() -> TestingTaskContext.builder(null)).hasMessage("vocabulary is null");
        assertThatThrownBy(() -> TestingTaskContext.builder(VOCABULARY).maxSequenceLength(1))
                .hasMessage("maxSequenceLength must leave room for [CLS] and [SEP]: 1");
        assertThatThrownBy(() -> TestingTaskContext.builder(VOCABULARY).taskId(-1)).hasMessage("taskId is negative: -1");
    }
}
