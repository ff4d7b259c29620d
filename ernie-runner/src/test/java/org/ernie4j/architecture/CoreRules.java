package org.ernie4j.architecture;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.ernie4j.core.PublicApi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The rules of ernie-core's layers (docs/ARCHITECTURE.md), kept apart from {@link TestArchitecture} so that
 * {@link TestCoreRulesCatchViolations} can show each of them failing on a class that breaks it.
 */
final class CoreRules
{
    static final String SUPPORT = "Support";
    static final String TEXT = "Text";
    static final String MODEL = "Model";
    static final String ENGINE = "Engine";
    static final String TRAINING = "Training";
    static final String CONFIG = "Config";
    static final String WORKFLOWS = "Workflows";
    static final String EMBED = "Embed";
    static final String RUNNER = "Runner";

    private CoreRules()
    {
    }

    /**
     * Each layer may use only the layers below it: support, text, model, engine, training, config, the workflows
     * (pretrained, run, finetune, interop), embed, and the runner on top.
     *
     * @param optionalLayers whether a layer may have no classes (only for checking the rule on a handful of classes)
     */
    static LayeredArchitecture layers(boolean optionalLayers)
    {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(optionalLayers)
                .layer(SUPPORT).definedBy("org.ernie4j.core.support..")
                .layer(TEXT).definedBy("org.ernie4j.core.text..")
                .layer(MODEL).definedBy("org.ernie4j.core.model..")
                .layer(ENGINE).definedBy("org.ernie4j.core.engine..")
                .layer(TRAINING).definedBy("org.ernie4j.core.training..")
                .layer(CONFIG).definedBy("org.ernie4j.core.config..")
                .layer(WORKFLOWS).definedBy("org.ernie4j.core.pretrained..", "org.ernie4j.core.run..", "org.ernie4j.core.finetune..",
                        "org.ernie4j.core.interop..")
                .layer(EMBED).definedBy("org.ernie4j.core.embed..")
                .layer(RUNNER).definedBy("org.ernie4j.runner..")
                .whereLayer(EMBED).mayOnlyBeAccessedByLayers(RUNNER)
                .whereLayer(WORKFLOWS).mayOnlyBeAccessedByLayers(EMBED, RUNNER)
                .whereLayer(CONFIG).mayOnlyBeAccessedByLayers(WORKFLOWS, EMBED, RUNNER)
                .whereLayer(TRAINING).mayOnlyBeAccessedByLayers(CONFIG, WORKFLOWS, EMBED, RUNNER)
                .whereLayer(ENGINE).mayOnlyBeAccessedByLayers(TRAINING, CONFIG, WORKFLOWS, EMBED, RUNNER)
                .whereLayer(MODEL).mayOnlyBeAccessedByLayers(ENGINE, TRAINING, CONFIG, WORKFLOWS, EMBED, RUNNER)
                .whereLayer(TEXT).mayOnlyBeAccessedByLayers(MODEL, ENGINE, TRAINING, CONFIG, WORKFLOWS, EMBED, RUNNER)
                .as("ernie-core's layers use only the layers below them: support, text, model, engine, training, config, "
                        + "workflows (pretrained, run, finetune, interop), embed; the runner sits on top");
    }

    /** The classes code outside the core may use: those marked {@link PublicApi}, with their nested classes. */
    static final DescribedPredicate<JavaClass> PUBLIC_API = new DescribedPredicate<>("marked @PublicApi")
    {
        @Override
        public boolean test(JavaClass type)
        {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            if (base.isEquivalentTo(PublicApi.class)) {
                return true;
            }
            for (Optional<JavaClass> current = Optional.of(base); current.isPresent(); current = current.get().getEnclosingClass()) {
                if (current.get().isAnnotatedWith(PublicApi.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    static final ArchRule ONLY_THE_PUBLIC_API_LEAVES_THE_CORE = noClasses()
            .that().resideOutsideOfPackage("org.ernie4j.core..")
            .should().dependOnClassesThat(resideInAPackage("org.ernie4j.core..").and(DescribedPredicate.not(PUBLIC_API)))
            .as("code outside ernie-core (the runner, its Spark mode) uses only the core's classes marked @PublicApi, "
                    + "never engine internals");

    static final ArchRule THE_ENGINE_INTERFACE_KNOWS_NO_ENGINE = noClasses()
            .that().resideInAPackage("org.ernie4j.core.engine")
            .should().dependOnClassesThat().resideInAnyPackage("org.ernie4j.core.engine.fused..", "org.ernie4j.core.engine.samediff..")
            .as("the engine interface depends on no engine; only engine.execution knows both");

    static final ArchRule THE_REFERENCE_ENGINE_DOES_NOT_USE_THE_FUSED_ONE = noClasses()
            .that().resideInAPackage("org.ernie4j.core.engine.samediff..")
            .should().dependOnClassesThat().resideInAPackage("org.ernie4j.core.engine.fused..")
            .as("the SameDiff engine, the reference definition of the model, does not depend on the fused engine");
}
