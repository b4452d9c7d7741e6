package dev.firesight.app.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches folders while programs run, noting every file and folder that appears and every permission it
 * is seen with, so that short-lived files (a recording in progress, a scratch file) are checked too.
 */
final class ModeWatch implements AutoCloseable {
    private final Set<Path> roots;
    private final Set<Path> ignored = ConcurrentHashMap.newKeySet();
    private final Map<Path, Set<String>> seen = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    ModeWatch(Set<Path> roots) {
        this.roots = roots;
        this.poller = new Thread(() -> {
            while (running) {
                scan();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mode watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** Paths the test itself makes (and their modes) are not Firesight's. */
    void ignore(Path path) {
        ignored.add(path);
    }

    /** Every path seen with the modes it had, e.g. {@code rw-------}. */
    Map<Path, Set<String>> seen() {
        return new TreeMap<>(seen);
    }

    /** Paths ever seen with a permission for the group or others. */
    Map<Path, Set<String>> notOwnerOnly() {
        Map<Path, Set<String>> out = new TreeMap<>();
        seen.forEach((path, modes) -> {
            if (modes.stream().anyMatch(mode -> !ownerOnly(mode))) {
                out.put(path, modes);
            }
        });
        return out;
    }

    /**
     * Paths another user could have opened at some moment: not owner-only themselves, and below the watched
     * folders only under folders that were never owner-only (an owner-only folder shuts out what is inside).
     */
    Map<Path, Set<String>> reachableByOthers() {
        Map<Path, Set<String>> out = new TreeMap<>();
        notOwnerOnly().forEach((path, modes) -> {
            boolean open = true;
            for (Path up = path.getParent(); up != null && !roots.contains(up); up = up.getParent()) {
                Set<String> upModes = seen.get(up);
                open &= upModes == null || upModes.stream().anyMatch(mode -> !ownerOnly(mode));
            }
            if (open) {
                out.put(path, modes);
            }
        });
        return out;
    }

    private static boolean ownerOnly(String mode) {
        return mode.substring(3).equals("------");
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scan();
    }

    private void scan() {
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        note(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        note(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException ignored) {
                // a folder vanished while walking: the next scan sees what is there
            }
        }
    }

    private void note(Path path) {
        if (ignored.contains(path) || roots.contains(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            seen.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(PosixFilePermissions.toString(mode));
        } catch (NoSuchFileException e) {
            // deleted between listing and looking
        } catch (IOException e) {
            seen.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add("unreadable: " + e);
        }
    }
}
