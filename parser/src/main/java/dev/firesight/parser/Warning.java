package dev.firesight.parser;

/**
 * Something in a recording that could not be read as it should, and what was done about it: the profile
 * still holds everything else. Tests and callers decide by {@link #kind()}, {@link #chunk()} and
 * {@link #offset()}; the user reads {@link #text()}.
 *
 * @param kind     what went wrong
 * @param file     the file of a folder the warning is about, or null when the recording is one file
 * @param chunk    the chunk it is about, counted from 1 within its file, or 0 when it is about no one chunk
 * @param offset   the byte in the (expanded) file where the damage starts, or -1 when no one byte is to blame
 * @param sentence what happened and what was kept, for the user
 */
public record Warning(Kind kind, String file, int chunk, long offset, String sentence) {

    public enum Kind {
        /** A compressed recording ended early, or its expansion was stopped (a run of zeros, a size limit). */
        COMPRESSED_CUT,
        /** A file of a folder is no recording Firesight reads; the other files were read. */
        FILE_SKIPPED,
        /** Bytes between or after chunks that are not a chunk; they were skipped. */
        NOT_A_CHUNK,
        /** A chunk's declared size disagrees with where the next chunk starts; it was read up to that one. */
        SIZE_MISMATCH,
        /** A chunk in a JFR format Firesight does not read; it was skipped. */
        UNSUPPORTED_FORMAT,
        /** A chunk that an earlier chunk of the same file repeats; it was read once. */
        REPEATED_CHUNK,
        /** A chunk that was being written while the file was copied: it lacks what came after. */
        STILL_BEING_WRITTEN,
        /** The last chunk declares no size: its recording was still running. */
        IN_PROGRESS,
        /** The file ends before the chunk's declared end. */
        INCOMPLETE_CHUNK,
        /** A chunk past 2 GiB, read only in part. */
        CHUNK_TOO_LARGE,
        /** A chunk that failed in a way no other kind names; it was skipped. */
        UNREADABLE_CHUNK,
        /** A chunk's metadata (its event types) is damaged or missing. */
        DAMAGED_METADATA,
        /** A chunk's events end early: the rest of it is missing. */
        CUT_OFF,
        /** A damaged constant pool (names, classes, stacks); what it held is missing, the events are kept. */
        DAMAGED_CONSTANT_POOL,
        /** Damaged events or bytes inside a chunk; reading went on after them. */
        DAMAGED_EVENTS,
        /** Samples whose stack traces the chunk's constant pools lack; shown as [unresolved stack]. */
        UNRESOLVED_STACKS
    }

    public Warning {
        if (kind == null || sentence == null) {
            throw new IllegalArgumentException("a warning needs a kind and a sentence");
        }
    }

    /** What the user reads: the sentence, after the file's name when the recording is a folder's. */
    public String text() {
        return file == null ? sentence : file + ": " + sentence;
    }

    /**
     * One line per kind of warning (chunk 3 and chunk 7 cut off, or four files of a folder still being
     * written, are one kind), shown by its first with a count of the others, so that a file damaged in a
     * thousand places or a folder of unfinished dumps does not bury what else is said. The terminal and the
     * window's banner both say it this way.
     */
    public static java.util.List<String> grouped(java.util.List<Warning> warnings) {
        java.util.Map<Kind, java.util.List<Warning>> kinds = new java.util.LinkedHashMap<>();
        for (Warning warning : warnings) {
            kinds.computeIfAbsent(warning.kind(), k -> new java.util.ArrayList<>()).add(warning);
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (java.util.List<Warning> same : kinds.values()) {
            int more = same.size() - 1;
            lines.add(same.get(0).text() + (more == 0 ? "" : " (and " + more + " more like it)"));
        }
        return lines;
    }

    @Override
    public String toString() {
        return text();
    }
}
