package org.ernie4j.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTaskInfo
{
    @ParameterizedTest
    @ValueSource(strings = {"capitalization", "knowledge-masking", "ir-relevance", "task2", "a-1-b"})
    void acceptsLowerCaseWordsJoinedByHyphens(String name)
    {
        assertThat(new TaskInfo(name, TaskFamily.WORD_AWARE, "a task").name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Knowledge-masking", "knowledge_masking", "knowledge masking", "-masking", "masking-", "a--b", "2task", "masking.rate"})
    void rejectsOtherNamesWithAMessageNamingThem(String name)
    {
        assertThatThrownBy(() -> new TaskInfo(name, TaskFamily.WORD_AWARE, "a task"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task name '" + name + "' must be lower-case words joined by hyphens, such as 'knowledge-masking'");
    }

    @Test
    void rejectsNulls()
    {
        assertThatThrownBy(() -> new TaskInfo(null, TaskFamily.OTHER, "x")).hasMessage("name is null");
        assertThatThrownBy(() -> new TaskInfo("x", null, "x")).hasMessage("family is null");
        assertThatThrownBy(() -> new TaskInfo("x", TaskFamily.OTHER, null)).hasMessage("description is null");
    }

    @Test
    void isAValue()
    {
        assertThat(new TaskInfo("x", TaskFamily.OTHER, "d")).isEqualTo(new TaskInfo("x", TaskFamily.OTHER, "d"))
                .isNotEqualTo(new TaskInfo("x", TaskFamily.WORD_AWARE, "d"));
    }

    @Test
    void familiesAreNamedAsInThePaper()
    {
        assertThat(TaskFamily.WORD_AWARE.displayName()).isEqualTo("word-aware");
        assertThat(TaskFamily.STRUCTURE_AWARE.displayName()).isEqualTo("structure-aware");
        assertThat(TaskFamily.SEMANTIC_AWARE.displayName()).isEqualTo("semantic-aware");
        assertThat(TaskFamily.OTHER.displayName()).isEqualTo("other");
    }
}
