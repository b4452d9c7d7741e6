package dev.firesight.app.window;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The window's layering: view models know no controls, the task runners know no window. */
class WindowArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firesight.app.window", "dev.firesight.app.tasks");

    @Test
    void viewModelsUseNoControlsOrScenes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "dev.firesight.app.flame..", "org.controlsfx..", "org.kordamp..")
                .check(APP);
    }

    @Test
    void taskRunnersKnowNothingOfTheWindow() {
        noClasses().that().resideInAPackage("dev.firesight.app.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.firesight.app.window..")
                .check(APP);
    }
}
