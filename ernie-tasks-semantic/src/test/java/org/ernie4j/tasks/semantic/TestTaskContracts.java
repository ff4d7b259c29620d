package org.ernie4j.tasks.semantic;

import java.util.Map;
import java.util.stream.Stream;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.testkit.TaskContractCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task this module lists in {@code META-INF/services} keeps the task contract, checked the way a plugin's own test
 * checks it: found by the service loader, as a run finds it, so a task added to the list is covered without a new test.
 * IR relevance refuses to start without a search log, so it runs with the test log and with the named stand-in.
 */
class TestTaskContracts
{
    /** The settings a task cannot start without; every other task runs with its defaults. */
    private static final Map<String, Map<String, Object>> REQUIRED = Map.of(
            "ir-relevance", Map.of("log", TestIrRelevanceTask.resource("searchlog/clicks.tsv").toString()));

    static Stream<PretrainingTask> listedTasks()
    {
        return TaskContractCheck.listedIn(TestTaskContracts.class.getPackageName());
    }

    static Stream<Arguments> listedTasksWithSettings()
    {
        return listedTasks().map(task -> Arguments.of(task.info().name(), task, REQUIRED.getOrDefault(task.info().name(), Map.of())));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("listedTasksWithSettings")
    void keepsTheContract(String name, PretrainingTask task, Map<String, Object> settings)
    {
        TaskContractCheck.verify(task, settings);
    }

    @Test
    void irRelevanceKeepsTheContractOnItsStandIn()
    {
        TaskContractCheck.verify(new IrRelevanceTask(), Map.of("fallback", "document-titles"));
    }

    @Test
    void listsTheTwoSemanticAwareTasks()
    {
        assertThat(listedTasks().map(task -> task.info().name())).containsExactlyInAnyOrder("discourse-relation", "ir-relevance");
    }
}
