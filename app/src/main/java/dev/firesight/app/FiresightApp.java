package dev.firesight.app;

import dev.firesight.app.compare.CompareActions;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.app.attach.AttachBackend;
import dev.firesight.app.attach.AttachDialogLauncher;
import dev.firesight.app.storage.ObjectStorageDialogLauncher;
import dev.firesight.app.attach.AttachDialogView;
import dev.firesight.app.tasks.AppEvents;
import dev.firesight.app.tasks.FxTaskRunner;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.FileDialogs;
import dev.firesight.app.window.FxFileDialogs;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.app.window.UncaughtErrors;
import dev.firesight.parser.ViewKind;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JavaFX application and the window's composition root: the one place that creates the task
 * runner, recent-files store, file dialogs, view models and views, and wires them together. Files on
 * the command line open in tabs; {@code --view=alloc} (or any view id) picks the view they show first. Tests
 * construct it with a synchronous runner and stand-in dialogs and drive the same window.
 */
public final class FiresightApp extends Application {
    /** How long one attach call may take before the dialog says the JVM does not answer. */
    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
    /** How often the attach dialog lists the JVMs again by itself. */
    static final Duration JVM_LIST_REFRESH = Duration.ofSeconds(3);
    /** How often a live recording's tab is refreshed from a new snapshot. */
    static final Duration LIVE_VIEW_REFRESH = Duration.ofSeconds(2);

    private final TaskRunner tasks;
    private final RecentFiles recent;
    private final FileDialogs dialogs;
    private final List<String> args;
    private final Supplier<AttachBackend> attach;
    private MainWindowView window;
    private AttachDialogLauncher attachLauncher;
    private ObjectStorageDialogLauncher objectStorage;

    /** What JavaFX calls: the real runner, the user's recent files, native dialogs. */
    public FiresightApp() {
        this(new FxTaskRunner(2, Platform::runLater), null, new FxFileDialogs(), null);
    }

    /**
     * @param recent null for the user's store under ~/.config/firesight
     * @param args   files to open; null to take them from the command line
     */
    public FiresightApp(TaskRunner tasks, RecentFiles recent, FileDialogs dialogs, List<String> args) {
        this(tasks, recent, dialogs, args, () -> AttachBackend.standard(ATTACH_TIMEOUT));
    }

    /** @param attach makes the attach backend the first time the attach dialog opens */
    public FiresightApp(TaskRunner tasks, RecentFiles recent, FileDialogs dialogs, List<String> args,
                        Supplier<AttachBackend> attach) {
        this.attach = attach;
        this.tasks = tasks;
        this.recent = recent;
        this.dialogs = dialogs;
        this.args = args;
    }

    /**
     * Wires the window. Comparisons and the attach flow go into the window's view model through its
     * constructor; both show what they open in the window built next, which they reach only once in use.
     */
    @Override
    public void start(Stage stage) {
        AppEvents.event("app start");
        RecentFiles store = recent != null ? recent : new RecentFiles(RecentFiles.defaultStore());
        CompareActions comparisons = new CompareActions(tasks, tab -> window.showTab(tab), text -> window.notice(text));
        attachLauncher = new AttachDialogLauncher(stage, tasks, attach, JVM_LIST_REFRESH, LIVE_VIEW_REFRESH);
        MainWindowViewModel vm = new MainWindowViewModel(tasks, store, comparisons, attachLauncher);
        window = new MainWindowView(stage, vm, dialogs);
        objectStorage = new ObjectStorageDialogLauncher(stage, vm);
        window.setObjectStorage(objectStorage::open);
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(Platform::runLater, window::notice));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = window.createScene(Math.min(1400, screen.getWidth() * 0.92), Math.min(900, screen.getHeight() * 0.92));
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> window.dispose());
        List<String> raw = args != null ? args : getParameters() == null ? List.of() : getParameters().getRaw();
        List<Path> files = filesFrom(raw);
        // The window's first frame comes first: opening builds a tab of tables, tool bars and a flame graph,
        // whose styling doubled the work before the window appeared. The read starts in the pulse after.
        afterFirstPulse(scene, () -> {
            AppEvents.event("window shown");
            // The title bar's icon a moment later: decoding its PNGs in every size was 4% of the FX thread's
            // work before the first frame.
            AppIcons.apply(stage);
            if (!files.isEmpty()) {
                openFromCommandLine(vm, files, raw);
            }
        });
        stage.show();
    }

    private static void openFromCommandLine(MainWindowViewModel vm, List<Path> files, List<String> raw) {
        vm.openFiles(files, viewFrom(raw));
        if (files.size() == 2) {
            // Two recordings on the command line: the first is the baseline, the second the target.
            List<RecordingTabViewModel> open = vm.tabs();
            if (open.size() == 2) {
                vm.compare(open.get(0), open.get(1));
            }
        }
    }

    /** File ▸ Open from Object Storage's dialog, made on first use; for tests. */
    public ObjectStorageDialogLauncher objectStorage() {
        return objectStorage;
    }

    /**
     * Runs {@code then} once, just after the first pulse that laid out the shown window (so after its first
     * frame is drawn), on the FX thread.
     */
    private static void afterFirstPulse(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        boolean[] done = new boolean[1];
        once[0] = () -> {
            if (!done[0] && scene.getWindow() != null && scene.getWindow().isShowing()) {
                done[0] = true;
                // Not from inside the pulse: that would change the scene while it is being rendered.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    then.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The attach dialog once opened, else null; for tests. */
    public AttachDialogView attachDialog() {
        return attachLauncher == null ? null : attachLauncher.dialog();
    }

    @Override
    public void stop() {
        AppEvents.event("app stop");
        if (attachLauncher != null) {
            attachLauncher.stopBeforeExit(); // the target completes the recording file
        }
        tasks.shutdown();
    }

    /** The command-line arguments that name files; options (starting with "-") are left to JavaFX. */
    static List<Path> filesFrom(List<String> raw) {
        List<Path> files = new ArrayList<>();
        for (String a : raw) {
            if (a.startsWith("-")) {
                continue;
            }
            try {
                files.add(Path.of(a));
            } catch (InvalidPathException e) {
                // not a path; a tab would only say so less clearly than ignoring it
            }
        }
        return files;
    }

    /** The view named by {@code --view=ID} (cpu, alloc, lock...), or null. */
    static ViewKind viewFrom(List<String> raw) {
        for (String a : raw) {
            if (a.startsWith("--view=")) {
                return ViewKind.byId(a.substring("--view=".length()));
            }
        }
        return null;
    }

    /** The window this application built; for tests. */
    public MainWindowView window() {
        return window;
    }
}
