package dev.firesight.app.cli;

import dev.firesight.parser.RecordingInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code --from}/{@code --to}: seconds relative to the recording start ({@code 12.5} or
 * {@code 12.5s}), or an absolute time: an ISO instant ({@code 2026-11-24T20:01:55Z}), a local date-time,
 * or a time of day on the recording's start date, in this machine's time zone.
 */
final class TimeArgument {
    private TimeArgument() {
    }

    /** Fails early, before a recording is loaded, on text that can never be a time. */
    static void checkSyntax(String text, String option) throws UsageException {
        parse(text, 0, option);
    }

    static long parse(String text, RecordingInfo info, String option) throws UsageException {
        return parse(text, info.startNanos(), option);
    }

    /** The time in epoch nanoseconds, for a recording that starts at {@code startNanos}. */
    static long parse(String text, long startNanos, String option) throws UsageException {
        String s = text.trim();
        try {
            String seconds = s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
            if (seconds.matches("[+-]?\\d+(\\.\\d+)?")) {
                return startNanos + Math.round(Double.parseDouble(seconds) * 1e9);
            }
            ZoneId zone = ZoneId.systemDefault();
            Instant instant;
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                instant = java.time.OffsetDateTime.parse(s).toInstant();
            } else if (s.contains("T")) {
                instant = LocalDateTime.parse(s).atZone(zone).toInstant();
            } else {
                LocalDate day = Instant.ofEpochSecond(0, startNanos).atZone(zone).toLocalDate();
                instant = LocalTime.parse(s).atDate(day).atZone(zone).toInstant();
            }
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException(option + " takes seconds from the start (e.g. 12.5) or a time such as"
                    + " 20:01:55 or 2026-11-24T20:01:55Z, not '" + text + "'.");
        }
    }
}
