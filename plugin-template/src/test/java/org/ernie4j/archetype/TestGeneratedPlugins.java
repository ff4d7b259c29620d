package org.ernie4j.archetype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.SpiVersion;
import org.ernie4j.testkit.TaskContractCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars that the archetype's integration tests built from generated projects are task plugins the runner takes: a
 * compatible {@code Ernie-Spi-Version}, a {@code META-INF/services} entry naming a class of the jar, no copy of the SPI
 * or of the test kit, and a task that loads in a class loader of its own (only the SPI shared), carries the name it was
 * generated with and keeps the task contract as loaded. The projects themselves follow the names they were generated with, leave one
 * marked place for the labelling rule, and ran their own tests.
 *
 * <p>Runs in the {@code verify} phase, after {@code archetype:integration-test}; {@code ernie4j.archetype.projects} is
 * the integration tests' folder.
 */
class TestGeneratedPlugins
{
    private static final String SERVICES = "META-INF/services/" + PretrainingTask.class.getName();
    private static final String RULE_MARKER = "THE LABELLING RULE";
    // What the archetype generated before it was a skeleton: a sentence-start task whatever the name asked for.
    private static final List<String> LEFTOVERS = List.of("sentence-start", "SentenceStart", "max-sentences", "maxSentences");
    private static final Pattern TEST_SUITE = Pattern.compile("<testsuite [^>]*>");

    static Stream<Arguments> integrationTests()
            throws IOException
    {
        Path projects = Path.of(System.getProperty("ernie4j.archetype.projects", "target/test-classes/projects"));
        try (Stream<Path> folders = Files.list(projects)) {
            List<Path> tests = folders.filter(folder -> Files.isRegularFile(folder.resolve("archetype.properties"))).sorted().toList();
            assertThat(tests).as("integration tests in %s", projects).hasSizeGreaterThanOrEqualTo(2);
            return tests.stream().map(test -> Arguments.of(test.getFileName().toString(), test));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrationTests")
    void builtAJarTheRunnerTakes(String test, Path folder)
            throws IOException
    {
        Properties properties = properties(folder.resolve("archetype.properties"));
        Path jar = folder.resolve("project").resolve(properties.getProperty("artifactId")).resolve("target")
                .resolve(properties.getProperty("artifactId") + "-" + properties.getProperty("version") + ".jar");
        assertThat(jar).as("the jar of integration test %s", test).isRegularFile();
        String taskClass = properties.getProperty("package") + "." + properties.getProperty("classPrefix") + "Task";

        try (JarFile file = new JarFile(jar.toFile())) {
            String declared = file.getManifest().getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            assertThat(declared).as("manifest attribute " + SpiVersion.MANIFEST_ATTRIBUTE).isEqualTo(String.valueOf(SpiVersion.CURRENT));
            JarEntry services = file.getJarEntry(SERVICES);
            assertThat(services).as(SERVICES).isNotNull();
            try (InputStream in = file.getInputStream(services)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(taskClass);
            }
            List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains(taskClass.replace('.', '/') + ".class");
            assertThat(names).as("the SPI is provided by the runner").noneMatch(name -> name.startsWith("org/ernie4j/spi/"));
            assertThat(names).as("the test kit is for the plugin's tests only").noneMatch(name -> name.startsWith("org/ernie4j/testkit/"));
        }

        List<PretrainingTask> tasks = PluginJarLoader.tasks(jar);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.getClass().getName()).isEqualTo(taskClass);
            assertThat(task.getClass().getClassLoader()).isInstanceOf(PluginJarLoader.class);
            assertThat(task.info().name()).isEqualTo(properties.getProperty("taskName"));
            TaskContractCheck.verify(task);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrationTests")
    void generatedAProjectNamedAfterTheTaskWithOnePlaceForTheRule(String test, Path folder)
            throws IOException
    {
        Properties properties = properties(folder.resolve("archetype.properties"));
        String taskName = properties.getProperty("taskName");
        String classPrefix = properties.getProperty("classPrefix");
        Path project = folder.resolve("project").resolve(properties.getProperty("artifactId"));
        Path sources = project.resolve("src/main/java").resolve(properties.getProperty("package").replace('.', '/'));

        try (Stream<Path> files = Files.list(sources)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(classPrefix + "Task.java", classPrefix + "Labels.java");
        }
        Path labels = sources.resolve(classPrefix + "Labels.java");
        List<Path> generated = new ArrayList<>(List.of(project.resolve("README.md"), project.resolve("pom.xml")));
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            files.filter(Files::isRegularFile).forEach(generated::add);
        }
        for (Path file : generated) {
            String text = Files.readString(file);
            assertThat(text).as("%s, generated for task %s", project.relativize(file), taskName)
                    .doesNotContain(LEFTOVERS)
                    .doesNotContain("${taskName}", "${classPrefix}", "${package}", "${artifactId}");
            if (file.equals(labels)) {
                assertThat(text.lines().filter(line -> line.contains(RULE_MARKER)))
                        .as("the marked place for the labelling rule in %s", file.getFileName())
                        .singleElement().asString().contains(taskName);
            }
            else if (file.toString().endsWith(".java")) {
                assertThat(text.lines().filter(line -> line.contains(RULE_MARKER))).as("labelling rule markers in %s", project.relativize(file)).isEmpty();
            }
        }
        assertThat(Files.readString(project.resolve("README.md")))
                .startsWith(taskName + "\n")
                .contains(classPrefix + "Labels.java", classPrefix + "Task.labels", "plugins.settings." + taskName + "`");
        assertThat(Files.readString(sources.resolve(classPrefix + "Task.java"))).contains("new TaskInfo(\"" + taskName + "\"");

        // goal.txt ran `verify`: the project's own tests ran, and passed.
        Path report = project.resolve("target/surefire-reports")
                .resolve("TEST-" + properties.getProperty("package") + ".Test" + classPrefix + "Task.xml");
        assertThat(report).as("the test report of integration test %s", test).isRegularFile();
        Matcher suite = TEST_SUITE.matcher(Files.readString(report));
        assertThat(suite.find()).as("a <testsuite> in %s", report).isTrue();
        assertThat(suite.group()).contains("tests=\"4\"", "failures=\"0\"", "errors=\"0\"", "skipped=\"0\"");
    }

    private static Properties properties(Path file)
    {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return properties;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
