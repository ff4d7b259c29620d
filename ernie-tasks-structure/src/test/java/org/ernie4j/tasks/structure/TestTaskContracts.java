package org.ernie4j.tasks.structure;

import java.util.stream.Stream;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.testkit.TaskContractCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task this module lists in {@code META-INF/services} keeps the task contract with its default settings, checked
 * the way a plugin's own test checks it: found by the service loader, as a run finds it, so a task added to the list is
 * covered without a new test.
 */
class TestTaskContracts
{
    static Stream<PretrainingTask> listedTasks()
    {
        return TaskContractCheck.listedIn(TestTaskContracts.class.getPackageName());
    }

    static Stream<Arguments> namedTasks()
    {
        return listedTasks().map(task -> Arguments.of(task.info().name(), task));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedTasks")
    void keepsTheContractWithDefaultSettings(String name, PretrainingTask task)
    {
        TaskContractCheck.verify(task);
    }

    @Test
    void listsTheTwoStructureAwareTasks()
    {
        assertThat(listedTasks().map(task -> task.info().name()))
                .containsExactlyInAnyOrder("sentence-reordering", "sentence-distance");
    }
}
