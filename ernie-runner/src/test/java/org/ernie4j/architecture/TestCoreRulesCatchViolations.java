package org.ernie4j.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.ernie4j.core.engine.EngineInterfaceReachingDown;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.fixture.ModelReachingUp;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.training.fixture.TrainingReachingDown;
import org.ernie4j.core.training.schedule.Stage;
import org.ernie4j.runner.fixture.RunnerUsingInternals;
import org.ernie4j.runner.fixture.RunnerUsingTheApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's rules pass on the real classes ({@link TestArchitecture}); here each is shown to fail on a class that breaks
 * it, and to pass on one that keeps it, so that a rule that could never fail would be noticed.
 */
class TestCoreRulesCatchViolations
{
    @Test
    void aBackwardsImportBreaksTheLayers()
    {
        EvaluationResult result = evaluate(CoreRules.layers(true), ModelReachingUp.class, Stage.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(ModelReachingUp.class.getName()).contains(Stage.class.getName());
    }

    @Test
    void usingLayersBelowKeepsThem()
    {
        EvaluationResult result = evaluate(CoreRules.layers(true), TrainingReachingDown.class, EncoderConfig.class, RawDocument.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void theRunnerMayNotUseEngineInternals()
    {
        EvaluationResult result = evaluate(CoreRules.ONLY_THE_PUBLIC_API_LEAVES_THE_CORE, RunnerUsingInternals.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("SgemmPeak");
    }

    @Test
    void theRunnerMayUseMarkedClassesAndTheirNestedOnes()
    {
        EvaluationResult result = evaluate(CoreRules.ONLY_THE_PUBLIC_API_LEAVES_THE_CORE, RunnerUsingTheApi.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void theEngineInterfaceMayNotNameAnEngine()
    {
        assertThat(evaluate(CoreRules.THE_ENGINE_INTERFACE_KNOWS_NO_ENGINE, EngineInterfaceReachingDown.class).hasViolation()).isTrue();
        assertThat(evaluate(CoreRules.THE_ENGINE_INTERFACE_KNOWS_NO_ENGINE, EngineKind.class).hasViolation()).isFalse();
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes)
    {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }
}
