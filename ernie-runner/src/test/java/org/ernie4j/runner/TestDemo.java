package org.ernie4j.runner;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.runner.TestingErnie.ernie;

/**
 * The README's first command, as a new user runs it: the embedded demo, ending with what it learned.
 */
class TestDemo
{
    @TempDir
    Path temporary;

    @Test
    void theDemoEndsWithWhatItLearnedAgainstItsBaselinesAndWhatToChangeForARealRun()
    {
        Path run = temporary.resolve("demo");
        TestingErnie.Result demo = ernie("pretrain", "--run-dir", run.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("finished at step 900 of 900")
                .contains("held-out accuracy at the last evaluation, against what the layout and the majority label give:")
                .containsPattern("\\| sentence-distance \\| 0\\.\\d{3} \\[0\\.\\d{3}, 0\\.\\d{3}\\] \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| [\\d,]+ \\([\\d,]+, 3\\) \\|")
                // Long enough for one task to learn something visible: capitalization ends above its baseline.
                .containsPattern("\\| capitalization \\| 0\\.9\\d{2} \\[0\\.9\\d{2}, 0\\.9\\d{2}\\] \\| 0\\.\\d{3} \\| 0\\.\\d{3} \\| [\\d,]+ \\([\\d,]+, 3\\) \\| above baseline \\|")
                .contains("This was the demo: a 2-layer, 128-wide encoder")
                .contains("check first with `ernie probe` that each task learns on your text");
    }
}
