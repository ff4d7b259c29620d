package org.ernie4j.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn archetype:generate -B} with a task name the runner would refuse: batch mode skips the descriptor's
 * validation patterns, so the archetype's post-generation script checks the names, removes the project and fails with
 * what to type instead. A good name in batch mode gives a project with its {@code .gitignore}.
 *
 * <p>Runs Maven itself, in the {@code verify} phase after {@code invoker:install} put this archetype into the
 * integration tests' repository.
 */
class TestBatchModeNames
{
    @TempDir
    Path temporary;

    @Test
    void aTaskNameWithCapitalsAndUnderscoresIsRefusedAndLeavesNoProject()
            throws Exception
    {
        Generation generation = generate("Sentence_Start");

        assertThat(generation.exitCode()).as(generation.output()).isNotZero();
        assertThat(generation.output())
                .contains("the task plugin project was not generated")
                .contains("taskName 'Sentence_Start' must be lower-case words of letters and digits joined by hyphens, such as sentence-start");
        try (var left = Files.list(temporary.resolve("out"))) {
            assertThat(left).as("what generation left behind").isEmpty();
        }
    }

    @Test
    void aGoodTaskNameInBatchModeGivesAProjectWithItsGitignore()
            throws Exception
    {
        Generation generation = generate("word-boundary");

        assertThat(generation.exitCode()).as(generation.output()).isZero();
        Path project = temporary.resolve("out").resolve("word-boundary-task");
        assertThat(project.resolve("src/main/java/org/example/WordBoundaryTask.java")).isRegularFile();
        assertThat(Files.readString(project.resolve(".gitignore"))).contains("target/");
    }

    private Generation generate(String taskName)
            throws IOException, InterruptedException
    {
        Path out = Files.createDirectories(temporary.resolve("out"));
        Path settings = temporary.resolve("settings.xml");
        String localRepository = Path.of(System.getProperty("ernie4j.archetype.main-repository")).toUri().toString();
        Files.writeString(settings, Files.readString(Path.of("src/it/settings.xml")).replace("@localRepositoryUrl@", localRepository));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-s",
                settings.toString(), "-Dmaven.repo.local=" + Path.of(System.getProperty("ernie4j.archetype.it-repository")).toAbsolutePath(),
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("ernie4j.archetype.plugin-version") + ":generate",
                "-DarchetypeGroupId=org.ernie4j", "-DarchetypeArtifactId=plugin-template",
                "-DarchetypeVersion=" + System.getProperty("ernie4j.archetype.version"), "-DtaskName=" + taskName));
        Path log = temporary.resolve("generate-" + taskName + ".log");
        Process process = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("archetype:generate finished within 3 minutes:%n%s", output).isTrue();
        return new Generation(process.exitValue(), output);
    }

    private record Generation(int exitCode, String output)
    {
    }
}
