package dev.firesight.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import javafx.scene.Node;
import javafx.scene.control.Skin;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The app's structure as rules over every class, so a new view model or package is covered the day it is
 * written: view models know no controls, views and controls never parse or query, the packages form no
 * cycles, whatever the CLI reaches runs without JavaFX, and every package has its place below.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.firesight.app");

    /** Every package of the app; a new one must be given its place here and so meet the rules. */
    private static final String[] PACKAGES = {
            "dev.firesight.app",          // composition root and launchers
            "dev.firesight.app.tasks",    // background work, no window
            "dev.firesight.app.format",   // units and numbers as text
            "dev.firesight.app.search",   // the one search model and bar
            "dev.firesight.app.controls", // small pieces the custom controls share
            "dev.firesight.app.flame",    // flame graph control, skin and behaviour
            "dev.firesight.app.flame.model", // what a flame graph shows and where: no JavaFX
            "dev.firesight.app.timeline", // timeline control
            "dev.firesight.app.export",   // SVG, HTML, PNG, collapsed
            "dev.firesight.app.window",   // main window and recording tabs
            "dev.firesight.app.compare",  // comparison tabs
            "dev.firesight.app.attach",   // attach dialog and live recordings
            "dev.firesight.app.storage",  // Open from Object Storage dialog
            "dev.firesight.app.info",     // recording info window
            "dev.firesight.app.cli",      // command line, no JavaFX
    };

    @Test
    void everyPackageHasItsPlace() {
        classes().should().resideInAnyPackage(PACKAGES).check(APP);
    }

    @Test
    void viewModelsKnowNoControlsScenesOrIcons() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.kordamp..", "dev.firesight.app.flame..", "dev.firesight.app.timeline..")
                .check(APP);
    }

    @Test
    void viewModelsAreNamedAndPlacedAsScreens() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAnyPackage("dev.firesight.app.window", "dev.firesight.app.compare",
                        "dev.firesight.app.attach", "dev.firesight.app.storage")
                .check(APP);
    }

    /** The calls that read a recording or compute a query: work for a task runner, never the FX thread. */
    private static final Set<String> HEAVY = Set.of(
            "dev.firesight.parser.Recordings.open", "dev.firesight.parser.query.StackWeights.compute",
            "dev.firesight.parser.query.CallTreeBuilder.build", "dev.firesight.parser.query.DiffTreeBuilder.build",
            "dev.firesight.parser.query.CallTreeBuilder.buildVisible",
            "dev.firesight.parser.query.CallTreeBuilder.buildReversedLevels",
            "dev.firesight.parser.query.Query.visibleCallTree", "dev.firesight.app.export.FlameView.complete",
            "dev.firesight.parser.query.HotMethods.of", "dev.firesight.parser.query.Butterfly.of",
            "dev.firesight.parser.query.FrameSearch.run", "dev.firesight.parser.query.ThreadActivity.compute",
            "dev.firesight.parser.query.Spikes.find", "dev.firesight.parser.findings.Findings.of",
            "dev.firesight.parser.query.ShareChange.of", "dev.firesight.parser.query.LeakSuspects.of",
            "dev.firesight.parser.query.ClassGrowth.of", "dev.firesight.parser.query.MemoryTrend.liveHeap",
            "dev.firesight.parser.query.MemoryTrend.residentSetSize", "dev.firesight.parser.query.Transforms.apply",
            "dev.firesight.parser.query.Sandwich.of", "dev.firesight.parser.query.Query.weights",
            "dev.firesight.parser.query.Query.callTree", "dev.firesight.parser.query.Query.hotMethods",
            "dev.firesight.parser.query.Query.butterfly", "dev.firesight.parser.query.MemoryBudget.of",
            // remote JVMs over JMX: network round trips and file I/O
            "dev.firesight.attach.RemoteJvm.connect", "dev.firesight.attach.RemoteJvm.recordings",
            "dev.firesight.attach.RemoteJvm.start", "dev.firesight.attach.RemoteJvm.download",
            "dev.firesight.attach.RemoteJvm.stop", "dev.firesight.attach.RecentConnections.read",
            "dev.firesight.attach.RecentConnections.remember", "dev.firesight.app.attach.AttachBackend.connect",
            // object storage: listing and downloading
            "dev.firesight.storage.ObjectStore.open", "dev.firesight.storage.ObjectStore.list",
            "dev.firesight.storage.ObjectRecordings.list", "dev.firesight.storage.ObjectRecordings.fetch");


    @Test
    void viewsControlsAndSkinsNeverReadOrQuery() {
        DescribedPredicate<JavaMethodCall> heavy = new DescribedPredicate<>("read a recording or compute a query") {
            @Override
            public boolean test(JavaMethodCall call) {
                return HEAVY.contains(call.getTargetOwner().getName() + "." + call.getName());
            }
        };
        noClasses().that(assignableTo(Node.class).or(assignableTo(Skin.class))
                        .or(simpleNameEndingWith("View").and(not(resideInAPackage("dev.firesight.app.export")))))
                .should().callMethodWhere(heavy)
                .because("the FX thread never parses or queries: views hand that to a view model's task runner")
                .check(APP);
    }

    /** The parser's API is its top package, its queries and its findings; how it reads JFR stays its own. */
    @Test
    void theAppUsesOnlyTheParsersApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.firesight.parser.jfr..",
                        "dev.firesight.parser.util..")
                .because("the JFR reader and its data structures may change without the app noticing")
                .check(APP);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.firesight.app.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void whateverTheCommandLineReachesRunsWithoutJavaFx() {
        noClasses().that().resideInAPackage("dev.firesight.app.cli..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.kordamp..")
                .check(APP);
    }

    @Test
    void theFlameGraphModelIsFreeOfJavaFx() {
        noClasses().that().resideInAPackage("dev.firesight.app.flame.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.firesight.app.flame")
                .because("the window, the SVG/HTML exports and the CLI lay out and colour frames the same way")
                .check(APP);
    }

    @Test
    void backgroundWorkKnowsNoWindow() {
        noClasses().that().resideInAnyPackage("dev.firesight.app.tasks..", "dev.firesight.app.format..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.firesight.app.window..",
                        "dev.firesight.app.compare..", "dev.firesight.app.attach..")
                .check(APP);
    }

    @Test
    void controlsKnowNoScreens() {
        noClasses().that().resideInAnyPackage("dev.firesight.app.flame..", "dev.firesight.app.timeline..", "dev.firesight.app.controls..",
                        "dev.firesight.app.search..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.firesight.app.window..",
                        "dev.firesight.app.compare..", "dev.firesight.app.attach..", "dev.firesight.app.cli..")
                .check(APP);
    }
}
