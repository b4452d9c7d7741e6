package dev.firesight.app.storage;

import dev.firesight.app.format.Units;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.ErrorMessages;
import dev.firesight.parser.TimeWindow;
import dev.firesight.storage.ObjectCache;
import dev.firesight.storage.ObjectRecordings;
import dev.firesight.storage.ObjectStore;
import dev.firesight.storage.S3Location;
import dev.firesight.storage.StorageException;
import dev.firesight.storage.StoreSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * File ▸ Open from Object Storage: where the store is (endpoint, region, profile, path-style, an optional
 * access key), which prefix, List to see its objects with sizes and times, a time window, Open. Listing
 * and downloading run on the task runner with progress and cancel; the downloaded recordings then open as
 * a folder does. Everything but the secret is remembered.
 */
public final class ObjectStorageDialogViewModel {
    /** The time windows offered, counted back from the newest recording under the prefix. */
    public enum TimeChoice {
        ALL("All of it", null),
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_6_HOURS("Last 6 hours", Duration.ofHours(6)),
        LAST_DAY("Last 24 hours", Duration.ofHours(24));

        private final String label;
        private final Duration back;

        TimeChoice(String label, Duration back) {
            this.label = label;
            this.back = back;
        }

        /** The window, or null for all of the time. */
        TimeWindow window() {
            return back == null ? null : (start, end) -> new long[] {end - back.toNanos(), Long.MAX_VALUE};
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One object as the list shows it. */
    public record ObjectRow(String key, String size, String start, String end, String note, boolean chosen) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final TaskRunner tasks;
    private final StorageSettingsStore settingsStore;
    private final Path cacheFolder;
    private final long cacheCap;
    private final Consumer<Path> open;
    private final Executor ui;

    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("s3://");
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty(false);
    private final ObjectProperty<TimeChoice> timeChoice = new SimpleObjectProperty<>(TimeChoice.ALL);
    private final ObservableList<ObjectRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper openable = new ReadOnlyBooleanWrapper(false);

    private ObjectRecordings.Listing listing;
    private StoreSettings listedWith;
    private TaskHandle running;

    /**
     * @param settingsFile where the fields are remembered (config folder)
     * @param cacheFolder  the private cache of downloaded objects
     * @param open         opens a folder of recordings as one recording, in the window
     * @param ui           runs on the UI thread (Platform::runLater), for the step shown while downloading
     */
    public ObjectStorageDialogViewModel(TaskRunner tasks, Path settingsFile, Path cacheFolder, long cacheCap,
                                        Consumer<Path> open, Executor ui) {
        this.ui = ui;
        this.tasks = tasks;
        this.settingsStore = new StorageSettingsStore(settingsFile);
        this.cacheFolder = cacheFolder;
        this.cacheCap = cacheCap;
        this.open = open;
        timeChoice.addListener((o, a, b) -> showRows());
        tasks.submit("read object storage settings", ctx -> settingsStore.read(),
                TaskCallbacks.<Map<String, String>>of(this::restore, e -> { }));
    }

    private void restore(Map<String, String> stored) {
        restore(endpoint, stored.get("endpoint"));
        restore(region, stored.get("region"));
        restore(profile, stored.get("profile"));
        restore(location, stored.get("location"));
        restore(accessKeyId, stored.get("access-key-id"));
        if (stored.get("path-style") != null) {
            pathStyle.set(Boolean.parseBoolean(stored.get("path-style")));
        }
        try {
            if (stored.get("window") != null) {
                timeChoice.set(TimeChoice.valueOf(stored.get("window")));
            }
        } catch (IllegalArgumentException ignored) {
            // a window this version does not offer: keep the default
        }
    }

    private static void restore(StringProperty field, String value) {
        if (value != null && (field.get().isEmpty() || field.get().equals("s3://"))) {
            field.set(value);
        }
    }

    /** The store's settings from the fields; empty fields leave the SDK's chains to decide. */
    StoreSettings settings() {
        return new StoreSettings(endpoint.get(), region.get(), profile.get(), pathStyle.get(), accessKeyId.get(),
                accessKeyId.get().isBlank() ? null : secret.get());
    }

    /** List: the objects under the prefix, with their sizes and the times their recordings cover. */
    public void list() {
        cancel();
        StoreSettings settings = settings();
        String where = location.get().trim();
        Map<String, String> remembered = remembered();
        error.set("");
        rows.clear();
        listing = null;
        openable.set(false);
        busy.set(true);
        progress.set(-1);
        status.set("Listing " + where + "…");
        running = tasks.submit("list " + where, ctx -> {
            settingsStore.save(remembered);
            S3Location at = S3Location.parse(where);
            try (ObjectStore store = ObjectStore.open(settings)) {
                return new ObjectRecordings(store, new ObjectCache(cacheFolder, cacheCap)).list(at,
                        (step, done, total) -> ctx.progress(total <= 0 ? -1 : (double) done / total),
                        ctx::isCancelled);
            }
        }, TaskCallbacks.<ObjectRecordings.Listing>of(l -> {
            busy.set(false);
            listing = l;
            listedWith = settings;
            showRows();
        }, this::failed).withProgress(progress::set));
    }

    /** Open: downloads what the window needs (what the cache lacks) and opens it as one recording. */
    public void openChosen() {
        if (listing == null) {
            return;
        }
        ObjectRecordings.Listing l = listing;
        StoreSettings settings = listedWith;
        TimeWindow window = timeChoice.get().window();
        error.set("");
        busy.set(true);
        progress.set(0);
        status.set("Downloading…");
        running = tasks.submit("download " + l.location(), ctx -> {
            String[] shown = {""};
            try (ObjectStore store = ObjectStore.open(settings)) {
                return new ObjectRecordings(store, new ObjectCache(cacheFolder, cacheCap)).fetch(l, window,
                        (step, done, total) -> {
                            ctx.progress(total <= 0 ? 1 : (double) done / total);
                            if (!step.equals(shown[0])) { // "Downloading pod-3/….jfr (2 of 5)", once per object
                                shown[0] = step;
                                ui.execute(() -> status.set(step + "…"));
                            }
                        }, ctx::isCancelled);
            }
        }, TaskCallbacks.<ObjectRecordings.Fetched>of(f -> {
            busy.set(false);
            progress.set(1);
            status.set(f.downloaded() == 0 ? "All " + f.used().size() + " recordings were in the cache."
                    : "Downloaded " + f.downloaded() + " of " + f.used().size() + " recordings ("
                    + Units.bytes(f.downloadedBytes()) + ").");
            open.accept(f.folder());
        }, this::failed).withProgress(progress::set));
    }

    /** Stops a listing or download in progress; the cache keeps what arrived complete. */
    public void cancel() {
        if (running != null && busy.get()) {
            running.cancel();
            busy.set(false);
            status.set("Cancelled.");
        }
    }

    private void failed(Throwable t) {
        busy.set(false);
        progress.set(0);
        if (t instanceof CancellationException) {
            status.set("Cancelled.");
            return;
        }
        status.set("");
        error.set(t instanceof StorageException ? t.getMessage() : ErrorMessages.sentence(t));
    }

    private void showRows() {
        if (listing == null) {
            return;
        }
        ObjectRecordings.Choice choice;
        try {
            choice = ObjectRecordings.choose(listing, timeChoice.get().window());
        } catch (StorageException e) {
            rows.setAll(listing.entries().stream().map(en -> row(en, false)).toList());
            status.set(listing.entries().size() + " objects.");
            error.set(e.getMessage());
            openable.set(false);
            return;
        }
        error.set("");
        rows.setAll(listing.entries().stream().map(en -> row(en, choice.chosen().contains(en))).toList());
        status.set(listing.entries().size() + " objects; " + choice.chosen().size() + " recordings ("
                + Units.bytes(choice.bytes()) + ") in the time window.");
        openable.set(true);
    }

    private static ObjectRow row(ObjectRecordings.Entry e, boolean chosen) {
        String note = !e.recording() ? "not a recording: skipped" : chosen ? "" : "outside the time window";
        return new ObjectRow(e.label(), Units.bytes(e.object().size()), e.start() == null ? "" : TIME.format(e.start()),
                e.recording() ? TIME.format(e.end()) : "", note, chosen);
    }

    private Map<String, String> remembered() {
        Map<String, String> m = new HashMap<>();
        m.put("endpoint", endpoint.get());
        m.put("region", region.get());
        m.put("profile", profile.get());
        m.put("location", location.get());
        m.put("path-style", String.valueOf(pathStyle.get()));
        m.put("access-key-id", accessKeyId.get());
        m.put("window", timeChoice.get().name());
        return m;
    }

    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty regionProperty() { return region; }
    public StringProperty profileProperty() { return profile; }
    /** {@code s3://BUCKET/PREFIX/}. */
    public StringProperty locationProperty() { return location; }
    public StringProperty accessKeyIdProperty() { return accessKeyId; }
    /** Held in memory only, and only used with an access key id. */
    public StringProperty secretProperty() { return secret; }
    public BooleanProperty pathStyleProperty() { return pathStyle; }
    public ObjectProperty<TimeChoice> timeChoiceProperty() { return timeChoice; }
    public ObservableList<ObjectRow> rows() { return rows; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The last failure as a sentence; empty when none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True once a listing has recordings in the chosen window. */
    public ReadOnlyBooleanProperty openableProperty() { return openable.getReadOnlyProperty(); }
}
