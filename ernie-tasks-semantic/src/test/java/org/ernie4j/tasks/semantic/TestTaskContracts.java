package org.ernie4j.tasks.semantic;

import java.util.Map;
import java.util.stream.Stream;

import org.ernie4j.testkit.ListedTaskContracts;
import org.ernie4j.testkit.TaskContractCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every task this module lists in {@code META-INF/services} keeps the task contract, checked the way a plugin's own test
 * checks it: found by the service loader, as a run finds it, so a task added to the list is covered without a new test.
 * IR relevance refuses to start without a search log, so it runs with the test log and with the named stand-ins.
 */
class TestTaskContracts
{
    @TestFactory
    Stream<DynamicTest> listedTasksKeepTheContract()
    {
        return ListedTaskContracts.of(TestTaskContracts.class.getPackageName(), "discourse-relation", "ir-relevance")
                .withSettings("ir-relevance", Map.of("log", TestIrRelevanceTask.resource("searchlog/clicks.tsv").toString()))
                .tests();
    }

    @Test
    void irRelevanceKeepsTheContractOnItsStandIns()
    {
        TaskContractCheck.verify(new IrRelevanceTask(), Map.of("fallback", "passages"));
        TaskContractCheck.verify(new IrRelevanceTask(), Map.of("fallback", "document-titles"));
    }
}
