package dev.firesight.parser.robust;

import java.io.File;
import java.nio.file.Path;

/**
 * Opens each file given with another reader and prints one line per file, {@code name<TAB>result}: JMC's
 * {@code JfrLoaderToolkit.loadEvents} ({@code jmc}) or the JDK's {@code jdk.jfr.consumer.RecordingFile}
 * ({@code jdk}). Run in a child JVM, since either may hang or exhaust the heap on a hostile file.
 */
public final class OracleMain {
    private OracleMain() {
    }

    public static void main(String[] args) {
        String reader = args[0];
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            System.out.println("START\t" + file.getFileName());
            System.out.flush();
            String result;
            long start = System.nanoTime();
            long[] count = new long[1];
            try {
                if (reader.equals("jmc")) {
                    jmc(file, count);
                } else {
                    jdk(file, count);
                }
                result = "ok: " + count[0] + " events";
            } catch (Throwable e) {
                String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' ');
                if (message.length() > 100) {
                    message = message.substring(0, 100) + "…";
                }
                result = "error" + (count[0] > 0 ? " after " + count[0] + " events" : "") + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + message);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(file.getFileName() + "\t" + result + " (" + millis + " ms)");
            System.out.flush();
        }
    }

    private static void jmc(Path file, long[] count) throws Exception {
        var items = org.openjdk.jmc.flightrecorder.JfrLoaderToolkit.loadEvents(new File(file.toString()));
        for (var iterable : items) {
            count[0] += iterable.getItemCount();
        }
    }

    private static void jdk(Path file, long[] count) throws Exception {
        try (jdk.jfr.consumer.RecordingFile recording = new jdk.jfr.consumer.RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                recording.readEvent();
                count[0]++;
            }
        }
    }
}
