package dev.firesight.app.attach;

import dev.firesight.attach.LocalJvm;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How the process table shows one JVM: the texts of its columns. */
public record JvmRow(LocalJvm jvm) {
    public long pid() {
        return jvm.pid();
    }

    public String application() {
        return jvm.displayName() == null || jvm.displayName().isBlank() ? "(unknown main class)" : jvm.displayName();
    }

    public String java() {
        String v = LocalJvm.UNKNOWN.equals(jvm.javaVersion()) ? "?" : jvm.javaVersion();
        String vendor = LocalJvm.UNKNOWN.equals(jvm.vendor()) ? "" : " · " + jvm.vendor();
        return v + vendor;
    }

    public String uptime(Instant now) {
        return jvm.uptime(now).map(JvmRow::duration).orElse("");
    }

    public String status() {
        return jvm.attachable() ? "Attachable" : jvm.problem();
    }

    /** True when the filter text occurs in the pid, application, version or vendor (ignoring case). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return Long.toString(pid()).contains(f) || application().toLowerCase(Locale.ROOT).contains(f)
                || java().toLowerCase(Locale.ROOT).contains(f);
    }

    /** 0:07, 12:30, 3:04:05, 2d 3h. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
        }
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
