package org.ernie4j.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on the compiled classes of every module (the runner sees them
 * all). The Maven enforcer checks the module rules on the poms; {@link CoreRules} holds the rules of the core's layers.
 */
@AnalyzeClasses(packages = "org.ernie4j", importOptions = ImportOption.DoNotIncludeTests.class)
class TestArchitecture
{
    @ArchTest
    static final ArchRule TASK_PLUGINS_SEE_ONLY_THE_SPI = noClasses()
            .that().resideInAPackage("org.ernie4j.tasks..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ernie4j.core..", "org.ernie4j.runner..")
            .as("task plugins depend on the SPI only, never on the core or the runner");

    // The kit is main code of ernie-testkit (the runner's tests see it), so every rule here checks it too. A rule with
    // no class to check fails (ArchUnit's failOnEmptyShould), so this one also fails if the kit ever drops out of view.
    @ArchTest
    static final ArchRule TEST_KIT_SEES_ONLY_THE_SPI = noClasses()
            .that().resideInAPackage("org.ernie4j.testkit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ernie4j.core..", "org.ernie4j.runner..", "org.ernie4j.tasks..")
            .as("the test kit depends on the SPI only, never on the core, the runner or a task plugin");

    @ArchTest
    static final ArchRule ONLY_TESTS_USE_THE_TEST_KIT = noClasses()
            .that().resideOutsideOfPackage("org.ernie4j.testkit..")
            .should().dependOnClassesThat().resideInAPackage("org.ernie4j.testkit..")
            .as("only tests use the test kit: no main code of the SPI, the core, the runner or a task plugin");

    @ArchTest
    static final ArchRule TASK_FAMILIES_ARE_INDEPENDENT = slices()
            .matching("org.ernie4j.tasks.(*)..")
            .should().notDependOnEachOther()
            .as("task plugin modules do not depend on each other");

    @ArchTest
    static final ArchRule SPI_DEPENDS_ON_NOTHING_OF_OURS = noClasses()
            .that().resideInAPackage("org.ernie4j.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ernie4j.core..", "org.ernie4j.tasks..", "org.ernie4j.runner..")
            .as("the SPI depends on nothing of ours");

    @ArchTest
    static final ArchRule SPI_USES_ND4J_ONLY_FOR_CUSTOM_HEADS = noClasses()
            .that().resideInAPackage("org.ernie4j.spi..")
            .and().doNotHaveSimpleName("CustomHead")
            .and().doNotHaveSimpleName("CustomHeadGraph")
            .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
            .as("the SPI uses ND4J only in the custom-head escape hatch");

    @ArchTest
    static final ArchRule SPI_USES_NO_FRAMEWORKS = noClasses()
            .that().resideInAPackage("org.ernie4j.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "com.google.inject..", "picocli..")
            .as("the SPI depends on neither Jackson, Guice nor picocli");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("org.ernie4j.(**)")
            .should().beFreeOfCycles()
            .as("no package cycles");

    @ArchTest
    static final ArchRule CORE_LAYERS = CoreRules.layers(false);

    @ArchTest
    static final ArchRule ONLY_THE_PUBLIC_API_LEAVES_THE_CORE = CoreRules.ONLY_THE_PUBLIC_API_LEAVES_THE_CORE;

    @ArchTest
    static final ArchRule THE_ENGINE_INTERFACE_KNOWS_NO_ENGINE = CoreRules.THE_ENGINE_INTERFACE_KNOWS_NO_ENGINE;

    @ArchTest
    static final ArchRule THE_REFERENCE_ENGINE_DOES_NOT_USE_THE_FUSED_ONE = CoreRules.THE_REFERENCE_ENGINE_DOES_NOT_USE_THE_FUSED_ONE;

    @ArchTest
    static final ArchRule NO_SILENTLY_WRONG_LOSSES = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j.autodiff.loss..", "org.nd4j.linalg.api.ops.impl.loss..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.nd4j.autodiff.samediff.ops.SDLoss")
            .as("nothing uses ND4J's loss ops, whose gradients ignore the incoming gradient in M2.1");

    @ArchTest
    static final ArchRule ONLY_THE_RUNNER_KNOWS_THE_COMMAND_LINE = noClasses()
            .that().resideOutsideOfPackage("org.ernie4j.runner..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .as("only the runner knows about the command line");

    @ArchTest
    static final ArchRule ONLY_THE_SPARK_MODE_KNOWS_SPARK = noClasses()
            .that().resideOutsideOfPackage("org.ernie4j.runner.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .as("only org.ernie4j.runner.spark uses Spark, a provided dependency: the plain runner never loads it");

    @ArchTest
    static final ArchRule ONLY_THE_DATASET_BUILDERS_READ_MAIL = noClasses()
            .that().resideOutsideOfPackage("org.ernie4j.runner.datasets..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.james.mime4j..")
            .as("only the runner's dataset builders parse mail (mime4j); the core reads corpora as plain text");

    @ArchTest
    static final ArchRule NO_STACK_TRACES_ON_THE_CONSOLE = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .as("errors are reported with messages or through the log, never printStackTrace");
}
