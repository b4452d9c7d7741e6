package dev.firesight.app.flame;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.firesight.app.export.CollapsedExporter;
import dev.firesight.app.export.Escape;
import dev.firesight.app.export.HtmlExporter;
import dev.firesight.app.export.SvgExporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layout, colours, search, text and the SVG/HTML/collapsed exporters run in the CLI without JavaFX. */
class FlameLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firesight.app.flame", "dev.firesight.app.export");

    @Test
    void sharedRenderingCodeNeverTouchesJavaFx() {
        noClasses().that().belongToAnyOf(FlameLayout.class, FrameColors.class, FrameText.class,
                        FrameDescription.class, ColorMode.class, Escape.class, SvgExporter.class,
                        HtmlExporter.class, CollapsedExporter.class)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }
}
