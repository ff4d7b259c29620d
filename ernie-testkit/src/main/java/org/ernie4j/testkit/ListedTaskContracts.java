package org.ernie4j.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ernie4j.spi.PretrainingTask;
import org.junit.jupiter.api.DynamicTest;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract test of a module with several tasks, as JUnit 5 dynamic tests: every task the module lists in
 * {@code META-INF/services} keeps the contract ({@link TaskContractCheck#verify(PretrainingTask, Map)}), found by the
 * service loader as a run finds it, so a task added to the list is covered without a new test; and the list holds
 * exactly the tasks named, so a task that falls off it is noticed.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> listedTasksKeepTheContract()
 * {
 *     return ListedTaskContracts.of(TestTaskContracts.class.getPackageName(), "my-task", "my-other-task")
 *             .withSettings("my-other-task", Map.of("required-setting", "value"))
 *             .tests();
 * }
 * }</pre>
 */
public final class ListedTaskContracts
{
    private final Supplier<Stream<PretrainingTask>> listed;
    private final Set<String> expected;
    private final Map<String, Map<String, ?>> settings;

    private ListedTaskContracts(Supplier<Stream<PretrainingTask>> listed, Set<String> expected, Map<String, Map<String, ?>> settings)
    {
        this.listed = requireNonNull(listed, "listed is null");
        this.expected = Set.copyOf(requireNonNull(expected, "expected is null"));
        this.settings = Map.copyOf(requireNonNull(settings, "settings is null"));
    }

    /**
     * The tests of the tasks listed in {@code META-INF/services} whose classes live in {@code packageName}
     * ({@link TaskContractCheck#listedIn(String)}), which must be exactly the tasks named.
     */
    public static ListedTaskContracts of(String packageName, String... expectedNames)
    {
        requireNonNull(packageName, "packageName is null");
        return of(() -> TaskContractCheck.listedIn(packageName), expectedNames);
    }

    /** The same tests over the tasks {@code listed} finds, for the kit's own tests. */
    static ListedTaskContracts of(Supplier<Stream<PretrainingTask>> listed, String... expectedNames)
    {
        requireNonNull(expectedNames, "expectedNames is null");
        if (expectedNames.length == 0) {
            throw new IllegalArgumentException("name the tasks the module lists");
        }
        return new ListedTaskContracts(listed, Set.of(expectedNames), Map.of());
    }

    /** The same tests, checking task {@code taskName} with these settings instead of its defaults (a setting it cannot start without). */
    public ListedTaskContracts withSettings(String taskName, Map<String, ?> taskSettings)
    {
        requireNonNull(taskName, "taskName is null");
        requireNonNull(taskSettings, "taskSettings is null");
        if (!expected.contains(taskName)) {
            throw new IllegalArgumentException("settings for task '" + taskName + "', which is not among the listed tasks " + names());
        }
        Map<String, Map<String, ?>> all = new LinkedHashMap<>(settings);
        all.put(taskName, Map.copyOf(taskSettings));
        return new ListedTaskContracts(listed, expected, all);
    }

    /** One test that the module lists exactly the tasks named, and one contract check per listed task, named after it. */
    public Stream<DynamicTest> tests()
    {
        List<PretrainingTask> tasks = listed.get().toList();
        DynamicTest listing = DynamicTest.dynamicTest("lists " + names(), () ->
                assertThat(tasks.stream().map(task -> task.info().name())).containsExactlyInAnyOrderElementsOf(expected));
        return Stream.concat(Stream.of(listing), tasks.stream().map(this::contract));
    }

    private List<String> names()
    {
        return expected.stream().sorted().toList();
    }

    private DynamicTest contract(PretrainingTask task)
    {
        String name = task.info().name();
        Map<String, ?> taskSettings = settings.getOrDefault(name, Map.of());
        return DynamicTest.dynamicTest(taskSettings.isEmpty() ? name : name + " " + taskSettings,
                () -> TaskContractCheck.verify(task, taskSettings));
    }
}
