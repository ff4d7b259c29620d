package org.ernie4j.testkit;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A module's contract test made of these dynamic tests must check the list of tasks and every listed task, with the
 * settings given for it.
 */
class TestListedTaskContracts
{
    @Test
    void oneTestForTheListAndOneForEachListedTask()
    {
        List<DynamicTest> tests = ListedTaskContracts.of(() -> Stream.of(new SilentTask("b"), new SilentTask("a")), "a", "b")
                .tests().toList();

        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("lists [a, b]", "b", "a");
        for (DynamicTest test : tests) {
            assertThatCode(() -> test.getExecutable().execute()).as(test.getDisplayName()).doesNotThrowAnyException();
        }
    }

    @Test
    void theListMustHoldExactlyTheTasksNamed()
    {
        DynamicTest listing = ListedTaskContracts.of(() -> Stream.of(new SilentTask("a"), new SilentTask("c")), "a", "b")
                .tests().findFirst().orElseThrow();

        assertThatThrownBy(() -> listing.getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"c\"")
                .hasMessageContaining("\"b\"");
    }

    @Test
    void eachTaskIsCheckedWithItsSettings()
    {
        List<DynamicTest> tests = ListedTaskContracts.of(() -> Stream.of(new SilentTask("a")), "a")
                .withSettings("a", Map.of("size", 3))
                .tests().toList();

        assertThat(tests.get(1).getDisplayName()).isEqualTo("a {size=3}");
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("task 'a' breaks the task contract")
                // The settings reach the check, which finds that the task never read them.
                .hasMessageContaining("setting 'size' was not read");
    }

    @Test
    void settingsMustBeForANamedTask()
    {
        ListedTaskContracts contracts = ListedTaskContracts.of(() -> Stream.of(new SilentTask("a")), "a");

        assertThatThrownBy(() -> contracts.withSettings("b", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("settings for task 'b', which is not among the listed tasks [a]");
        assertThatThrownBy(() -> ListedTaskContracts.of("org.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name the tasks the module lists");
    }

    /** A task that keeps the contract by generating nothing at all. */
    private record SilentTask(String name)
            implements PretrainingTask
    {
        @Override
        public TaskInfo info()
        {
            return new TaskInfo(name, TaskFamily.OTHER, "a task without examples (test task)");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return SequenceClassificationHead.of(2);
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            return (document, random) -> List.of();
        }
    }
}
