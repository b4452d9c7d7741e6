package dev.firesight.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering DESIGN.md asks for: parser/ and attach/ never touch JavaFX (nor the app), and the
 * parser does not depend on attach. The build fails when a change breaks it.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firesight");

    @Test
    void parserAndAttachNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage("dev.firesight.parser..", "dev.firesight.attach..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
                .check(CLASSES);
    }

    @Test
    void parserAndAttachNeverDependOnTheApp() {
        noClasses().that().resideInAnyPackage("dev.firesight.parser..", "dev.firesight.attach..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.firesight.app..")
                .check(CLASSES);
    }

    @Test
    void parserDoesNotDependOnAttach() {
        noClasses().that().resideInAPackage("dev.firesight.parser..")
                .should().dependOnClassesThat().resideInAPackage("dev.firesight.attach..")
                .check(CLASSES);
    }

    /** The files module is the bottom layer: parser, attach and app use it, it uses none of them. */
    @Test
    void filesDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.firesight.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.firesight.parser..", "dev.firesight.attach..",
                        "dev.firesight.app..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void theRuleSeesTheModules() {
        assertTrue(CLASSES.containPackage("dev.firesight.parser"), "parser classes imported");
        assertTrue(CLASSES.containPackage("dev.firesight.app.cli"), "app classes imported");
        assertTrue(CLASSES.containPackage("dev.firesight.files"), "files classes imported");
    }
}
