package org.ernie4j.runner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * {@code ernie markers} on two real addresses prepared as a run would prepare them.
 */
class TestMarkersCommand
{
    @TempDir
    static Path temporary;

    private static Path prepared;

    @BeforeAll
    static void prepare()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result result = ernie("prepare", "--config", resource("tiny-two-tasks.yaml"), "--corpus", resource("tiny-corpus"),
                "--run-dir", run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        prepared = run.resolve("prepared");
    }

    @Test
    void countsThePairsOfEachClassByWhereTheMarkerIs()
            throws Exception
    {
        // The configuration does not train discourse relation: the task's defaults are counted.
        TestingErnie.Result defaults = ernie("markers", "--config", resource("tiny-two-tasks.yaml"), "--prepared", prepared.toString());
        assertThat(defaults.code()).as(defaults.err()).isZero();
        assertThat(defaults.out())
                .containsPattern("corpus: .*prepared \\(2 documents, \\d+ adjacent sentence pairs\\)")
                .contains("settings: the task's defaults")
                .contains("| class | opening a sentence | inside a sentence | all | share |")
                .containsPattern("\\| contrast \\| \\d+ \\| [1-9]\\d* \\| \\d+ \\| \\d+\\.\\d% \\|")
                .containsPattern("\\| summary \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+\\.\\d% \\|")
                .containsPattern("\\| all \\| \\d+ \\| [1-9]\\d* \\| \\d+ \\| 100% \\|");

        Path openingOnly = temporary.resolve("opening-only.yaml");
        Files.writeString(openingOnly, Files.readString(Path.of(resource("tiny-two-tasks.yaml")))
                + "  - name: discourse-relation\n    settings:\n      in-sentence: false\n      class-groups: [concession=contrast]\n");
        TestingErnie.Result opening = ernie("markers", "--config", openingOnly.toString(), "--prepared", prepared.toString());
        assertThat(opening.code()).as(opening.err()).isZero();
        assertThat(opening.out())
                .contains("settings: tasks[2].settings {class-groups=[concession=contrast], in-sentence=false}")
                .containsPattern("\\| contrast \\| \\d+ \\| 0 \\| \\d+ \\| \\d+\\.\\d% \\|")
                .doesNotContain("| concession |")
                .containsPattern("\\| all \\| \\d+ \\| 0 \\| \\d+ \\| 100% \\|");
    }

    @Test
    void refusesABadSettingNamingItsFileAndKey()
            throws Exception
    {
        Path config = temporary.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Path.of(resource("tiny-two-tasks.yaml")))
                + "  - name: discourse-relation\n    settings:\n      comma-markers: [but, and]\n");
        TestingErnie.Result result = ernie("markers", "--config", config.toString(), "--prepared", prepared.toString());
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(config.toString()).contains("comma-markers").contains("'and' is not a marker of the table");
    }
}
