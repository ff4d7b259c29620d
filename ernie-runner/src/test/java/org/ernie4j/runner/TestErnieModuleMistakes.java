package org.ernie4j.runner;

import java.nio.file.Path;

import org.ernie4j.core.embed.ErnieModule;
import org.ernie4j.core.embed.TextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.runner.TestingErnie.ernie;
import static org.ernie4j.runner.TestingErnie.resource;

/**
 * An application wiring a trained run into Guice with {@link ErnieModule}: a wrong path or task id is an error of its
 * own when the module is built, and the task id chooses the task embedding the encoder adds.
 */
class TestErnieModuleMistakes
{
    @TempDir
    Path temporary;

    @Test
    void aPathWithoutAModelIsRefusedWhenTheModuleIsBuilt()
    {
        Path nowhere = temporary.resolve("nowhere");
        assertThatThrownBy(() -> ErnieModule.builder().encoder(nowhere).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(nowhere + " is neither a run directory nor a checkpoint directory");
        assertThatThrownBy(() -> ErnieModule.builder().classifier(nowhere).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageNotContaining("Guice").hasMessageNotContaining("provision");
    }

    @Test
    void theTaskIdChoosesTheTaskEmbeddingAndMustBeARowOfIt()
            throws Exception
    {
        Path run = temporary.resolve("run");
        TestingErnie.Result trained = ernie("pretrain", "--max-steps", "2", "--config", resource("tiny-two-tasks.yaml"), "--corpus",
                resource("tiny-corpus"), "--run-dir", run.toString());
        assertThat(trained.code()).as(trained.err()).isZero();

        TextEncoder first = Guice.createInjector(ErnieModule.builder().encoder(run).build()).getInstance(TextEncoder.class);
        TextEncoder second = Guice.createInjector(ErnieModule.builder().encoder(run).taskId(1).build()).getInstance(TextEncoder.class);
        String text = "The Congress of the United States.";
        assertThat(second.encode(text).pooled()).isNotEqualTo(first.encode(text).pooled());

        assertThatThrownBy(() -> ErnieModule.builder().encoder(run).taskId(16).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("task id 16 is not a row of the task embedding of " + run.resolve("checkpoints/step-00000002"))
                .hasMessageContaining("(0 to 15); its tasks: knowledge-masking = 0, ");
    }
}
