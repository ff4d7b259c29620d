package org.ernie4j.core.config;

import org.ernie4j.core.engine.EngineKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code training.engine}: auto by default, carried into the training settings, and a bad value named with its path.
 */
class TestEngineSetting
{
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsToAutoAndReachesTheTrainingSettings()
    {
        ErnieConfig config = loader.parse("", "empty");
        assertThat(config.training().engineKind()).isEqualTo(EngineKind.AUTO);
        assertThat(config.training().settings(1).engine()).isEqualTo(EngineKind.AUTO);
        assertThat(loader.parse("training:\n  engine: samediff\n", "run.yaml").training().settings(1).engine()).isEqualTo(EngineKind.SAMEDIFF);
        assertThat(loader.parse("training:\n  engine: fused\n", "run.yaml").training().engineKind()).isEqualTo(EngineKind.FUSED);
    }

    @Test
    void unknownEngineIsReportedWithItsPathAndTheChoices()
    {
        assertThatThrownBy(() -> loader.parse("training:\n  engine: gpu\n", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("training.engine")
                .hasMessageContaining("auto, fused, samediff");
    }
}
