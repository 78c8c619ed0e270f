package dev.losslens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout of the house, kept by a test: dependencies point one way (web → comparison → training → model →
 * text and objective), the maths is plain Java, and the engine code knows nothing of Spring or the database.
 */
class HouseRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.losslens");

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.losslens.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The shared rooms (web filters, rejections, words, streams, API documentation, files) lean on each other one way. */
    @Test
    void theSystemsRoomsFormNoCycle() {
        slices().matching("dev.losslens.system.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * The quiz's rooms: the bank and its items ← instructors' questions (authored) ← grading ← pages, and learners'
     * progress beside them.
     */
    @Test
    void theQuizRoomsFormNoCycle() {
        slices().matching("dev.losslens.quiz.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void dependenciesPointFromTheWebTowardsTheMaths() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("dev.losslens.lab..", "dev.losslens.explorer..", "dev.losslens.course..",
                        "dev.losslens.lecture..", "dev.losslens.instructor..", "dev.losslens.bugzoo..")
                .layer("quiz").definedBy("dev.losslens.quiz..")
                .layer("account").definedBy("dev.losslens.account..")
                .layer("worker").definedBy("dev.losslens.worker..")
                .layer("command").definedBy("dev.losslens.command..")
                .layer("checkpoint").definedBy("dev.losslens.checkpoint..")
                .layer("comparison").definedBy("dev.losslens.comparison..")
                .layer("training").definedBy("dev.losslens.training..")
                .layer("model").definedBy("dev.losslens.model..")
                .layer("dataset").definedBy("dev.losslens.dataset..")
                .layer("system").definedBy("dev.losslens.system..")
                .layer("maths").definedBy("dev.losslens.text..", "dev.losslens.objective..",
                        "dev.losslens.conversation..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("worker").mayNotBeAccessedByAnyLayer()
                .whereLayer("command").mayNotBeAccessedByAnyLayer()
                .whereLayer("quiz").mayOnlyBeAccessedByLayers("web")
                .whereLayer("account").mayOnlyBeAccessedByLayers("web")
                .whereLayer("checkpoint").mayOnlyBeAccessedByLayers("web", "quiz")
                .whereLayer("comparison").mayOnlyBeAccessedByLayers("web", "worker", "checkpoint")
                .whereLayer("training").mayOnlyBeAccessedByLayers("web", "comparison", "worker", "command")
                .whereLayer("model").mayOnlyBeAccessedByLayers("web", "quiz", "checkpoint", "worker", "command",
                        "comparison", "training")
                .whereLayer("dataset").mayOnlyBeAccessedByLayers("web", "comparison", "worker", "command", "training")
                .whereLayer("system").mayOnlyBeAccessedByLayers("web", "quiz", "account", "comparison", "dataset",
                        "checkpoint")
                .check(MAIN);
    }

    @Test
    void theMathsStudentsReadIsPlainJava() {
        noClasses().that().resideInAnyPackage("dev.losslens.text..", "dev.losslens.objective..",
                        "dev.losslens.conversation..", "dev.losslens.notation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "ai.djl..")
                .check(MAIN);
    }

    @Test
    void theModelAndTrainingKnowNothingOfSpringOrTheDatabase() {
        noClasses().that().resideInAnyPackage("dev.losslens.model..", "dev.losslens.training..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "jakarta..")
                .check(MAIN);
    }
}
