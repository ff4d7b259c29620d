package org.ernie4j.tasks.word;

import java.util.stream.Stream;

import org.ernie4j.testkit.ListedTaskContracts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every task this module lists in {@code META-INF/services} keeps the task contract with its default settings, checked
 * the way a plugin's own test checks it: found by the service loader, as a run finds it, so a task added to the list is
 * covered without a new test.
 */
class TestTaskContracts
{
    @TestFactory
    Stream<DynamicTest> listedTasksKeepTheContract()
    {
        return ListedTaskContracts.of(TestTaskContracts.class.getPackageName(),
                "knowledge-masking", "capitalization", "token-document-relation").tests();
    }
}
