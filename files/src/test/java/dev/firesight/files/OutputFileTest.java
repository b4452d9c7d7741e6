package dev.firesight.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs, folders and scratch files on a real file system, with real symbolic links and processes. */
class OutputFileTest {
    @Test
    void anOutputIsOwnerOnlyAndReplacesARegularFileWhole(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        OutputFile.writeText(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(target), list(dir), "no temporary file left");
    }

    @Test
    void aFailedOutputLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> OutputFile.writeText(target, out -> {
            out.write("half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void anOutputStoppedBySigtermLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("cpu.svg"), "old");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WriteSlowly.class.getName(), target.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String said = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertEquals("writing", said);
            assertEquals(2, list(dir).size(), "the temporary file while writing");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(target), list(dir));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetUntouched(@TempDir Path dir) throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("out.svg"), victim);
        CreationRefusedException e = assertThrows(CreationRefusedException.class,
                () -> OutputFile.writeText(link, out -> out.write("<svg/>")));
        assertEquals(link + " is a symbolic link, not a regular file; Firesight replaces only regular files, so"
                + " choose another name.", e.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(2, list(dir).size(), "no temporary file left");
    }

    @Test
    void aFolderOrPipeIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.svg"));
        assertTrue(assertThrows(CreationRefusedException.class, () -> OutputFile.check(folder)).getMessage()
                .endsWith("out.svg is a folder, not a regular file; Firesight replaces only regular files, so choose"
                        + " another name."));
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(assertThrows(CreationRefusedException.class, () -> OutputFile.check(fifo)).getMessage()
                .contains("is a pipe, socket or device, not a regular file"));
    }

    @Test
    void aMissingFolderIsASentence(@TempDir Path dir) {
        Path target = dir.resolve("sub/dir/cpu.svg");
        CreationRefusedException e = assertThrows(CreationRefusedException.class,
                () -> OutputFile.writeText(target, out -> out.write("x")));
        assertEquals("The folder " + dir.resolve("sub/dir") + " does not exist; create it first or choose another"
                + " place for cpu.svg.", e.getMessage());
        assertFalse(Files.exists(dir.resolve("sub")));
    }

    @Test
    void everyFolderMadeIsOwnerOnlyAndExistingOnesAreLeftAlone(@TempDir Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnly.folder(dir.resolve("a/b/c"));
        for (Path p : List.of(dir.resolve("a"), dir.resolve("a/b"), dir.resolve("a/b/c"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Path file = OwnerOnly.newFile(dir.resolve("a/new.jfr"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFolderThatCannotBeCreatedSaysWhich(@TempDir Path dir) throws IOException {
        // A file where the home folder should be (permissions would not stop root, who runs CI here).
        Path home = Files.writeString(dir.resolve("home"), "not a folder");
        CreationRefusedException e = assertThrows(CreationRefusedException.class,
                () -> OwnerOnly.folder(home.resolve(".cache/firesight")));
        assertEquals("The folder " + home + " could not be created: something that is not a folder has that name.",
                e.getMessage());
        assertEquals("a file of that name is in the way", e.reason());
    }

    @Test
    void freshFileReplacesARegularFileButNeverFollowsALink(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("rec.jfr"), "old recording");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnly.freshFile(old);
        assertEquals(0, Files.size(old));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("link.jfr"), victim);
        assertThrows(CreationRefusedException.class, () -> OwnerOnly.freshFile(link));
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void sweepDeletesTheScratchFilesOfProcessesThatAreGone(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path stale = Files.writeString(dir.resolve("expanded-" + gone.pid() + "-123.jfr"), "left by a killed run");
        Path mine = ScratchFiles.create(dir, "expanded", ".jfr");
        Path notOurs = Files.writeString(dir.resolve("notes.txt"), "a user's file");
        assertEquals(1, ScratchFiles.sweep(dir));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(mine), "this process is running");
        assertTrue(Files.exists(notOurs));
        assertTrue(mine.getFileName().toString().startsWith("expanded-" + ProcessHandle.current().pid() + "-"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mine,
                LinkOption.NOFOLLOW_LINKS)));
        ScratchFiles.release(mine);
        assertFalse(Files.exists(mine));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
