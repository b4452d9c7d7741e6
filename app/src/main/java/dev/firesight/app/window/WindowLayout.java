package dev.firesight.app.window;

import dev.firesight.files.OutputFile;
import dev.firesight.files.OwnerOnly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the user left the recording tabs' layout, kept beside the recent files so it survives restarts: where
 * the divider between the timeline and the flame graph is, and whether the timeline is shown. Reading and
 * writing are file I/O for a background thread; a store that cannot be read or written just means the
 * defaults, never an error.
 *
 * @param timelineSplit where the divider is, as the timeline's share of the height (0 to 1)
 * @param timelineShown false when the user collapsed the timeline to give the flame graph all the height
 */
public record WindowLayout(double timelineSplit, boolean timelineShown) {
    /**
     * The timeline with its spike panel takes a bit less than half the height, the flame graph the rest: in a
     * 1600×1000 window that shows the allocation and the heap lanes whole, the two a memory question starts
     * from. A third showed the allocation lane only, and a flame graph of a dozen levels left most of its half
     * empty.
     */
    public static final WindowLayout DEFAULT = new WindowLayout(0.45, true);
    /** The timeline never gets less than this share when dragged, nor more than 1 minus it. */
    static final double MIN_SHARE = 0.05;

    public WindowLayout {
        timelineSplit = Double.isFinite(timelineSplit)
                ? Math.max(MIN_SHARE, Math.min(1 - MIN_SHARE, timelineSplit)) : DEFAULT.timelineSplit;
    }

    public WindowLayout withTimelineSplit(double split) {
        return new WindowLayout(split, timelineShown);
    }

    public WindowLayout withTimelineShown(boolean shown) {
        return new WindowLayout(timelineSplit, shown);
    }

    /** Reads a stored layout; the defaults when there is none or it cannot be read. */
    public static WindowLayout read(Path store) {
        WindowLayout out = DEFAULT;
        try {
            if (!Files.isRegularFile(store)) {
                return out;
            }
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (key.equals("timeline-split")) {
                    out = out.withTimelineSplit(Double.parseDouble(value));
                } else if (key.equals("timeline-shown")) {
                    out = out.withTimelineShown(!value.equals("false"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable or hand-edited store: the defaults, and the next change writes it afresh
        }
        return out;
    }

    /** Writes the layout to the store; meant for a background thread. */
    public void save(Path store) {
        try {
            OwnerOnly.folder(store.getParent());
            OutputFile.writeText(store, out -> out.write(String.format(Locale.ROOT,
                    "timeline-split=%.4f%ntimeline-shown=%b%n", timelineSplit, timelineShown)));
        } catch (IOException | RuntimeException e) {
            // the layout is not remembered; nothing the user can act on
        }
    }
}
