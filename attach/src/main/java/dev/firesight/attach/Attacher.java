package dev.firesight.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens attach connections to local JVMs (JDK Attach API, module {@code jdk.attach}) within a time
 * limit, and turns the API's mixed exceptions into the typed ones of this module.
 */
public final class Attacher {
    static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final TimeLimit timeLimit;

    /** @param timeout the longest one attach call may take; 10 s suits a loaded machine */
    public Attacher(Duration timeout) {
        this.timeLimit = new TimeLimit(timeout);
    }

    public Duration timeout() {
        return timeLimit.limit();
    }

    TimeLimit timeLimit() {
        return timeLimit;
    }

    /**
     * True when this Java runtime has the Attach API (module {@code jdk.attach}); a trimmed runtime
     * without it can open recordings but not find or record JVMs.
     */
    public static boolean supported() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }

    /** Attaches to {@code pid}. The caller detaches (see {@link #detachQuietly}). */
    public VirtualMachine attach(long pid) throws AttachException {
        if (!supported()) {
            throw new AttachDisabledException("This Java runtime has no Attach API (module jdk.attach);"
                    + " run Firesight on a full JDK 17 or later to record JVMs.");
        }
        checkCanAttach(pid);
        try {
            return timeLimit.run("attaching to JVM " + pid, () -> VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachException e) {
            throw e;
        } catch (Exception e) {
            throw failure(pid, e);
        }
    }

    /** Attaches, reads the target's system properties and detaches again. */
    public Properties systemProperties(long pid) throws AttachException {
        VirtualMachine vm = attach(pid);
        try {
            return timeLimit.run("reading system properties of JVM " + pid, vm::getSystemProperties);
        } catch (AttachException e) {
            throw e;
        } catch (Exception e) {
            throw failure(pid, e);
        } finally {
            detachQuietly(vm);
        }
    }

    /** Closes the connection on a daemon thread, so a stuck target cannot block the caller. */
    public static void detachQuietly(VirtualMachine vm) {
        if (vm == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the target is gone or the connection is already closed: nothing left to release
            }
        }, "firesight-attach: detach");
        thread.setDaemon(true);
        thread.start();
    }

    /** Refuses early, with the right sentence, what the Attach API would refuse with a vague one. */
    static void checkCanAttach(long pid) throws AttachException {
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachDisabledException("Process " + pid
                    + " is Firesight itself, which does not record itself; choose another JVM.");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw gone(pid);
        }
        if (!JvmProcesses.isJvm(pid)) {
            throw new NotAJvmException("Process " + pid + " is not a JVM that Firesight can see (it is not in the"
                    + " JDK's list of running JVMs); choose a JVM from the list.");
        }
        Optional<String> owner = process.get().info().user();
        String me = System.getProperty("user.name");
        // Even root is refused: the target could neither read the owner-only library nor write into the
        // owner-only recordings folder.
        if (owner.isPresent() && !sameUser(owner.get(), me)) {
            throw otherUser(pid, owner.get());
        }
    }

    /** Maps an exception from the Attach API (connect or command) to one of this module's. */
    static AttachException failure(long pid, Exception e) {
        if (e instanceof AttachException) {
            return (AttachException) e;
        }
        if (!isAlive(pid)) {
            return gone(pid);
        }
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (e instanceof AttachNotSupportedException) {
            if (lower.contains("does not support the attach mechanism")) {
                return new AttachDisabledException("JVM " + pid + " was started with -XX:+DisableAttachMechanism;"
                        + " restart it without that option to record it.", e);
            }
            if (lower.contains("doesn't respond") || lower.contains("not responding")
                    || lower.contains("unable to open socket")) {
                return new AttachTimeoutException("JVM " + pid + " did not answer the attach request; it may be"
                        + " busy, started with -XX:+DisableAttachMechanism, or not a HotSpot JVM, so try again"
                        + " or check its options.", e);
            }
        }
        if (lower.contains("no such process") || exitsWithin(pid, EXIT_GRACE)) {
            return gone(pid);
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")
                || lower.contains("owned by the current user") || lower.contains("well-known file")) {
            return otherUser(pid, ProcessHandle.of(pid).flatMap(p -> p.info().user()).orElse("another user"));
        }
        return new RecordingFailedException("Attaching to JVM " + pid + " failed (" + oneLine(message)
                + "); check that it is a HotSpot or OpenJ9 JVM run by you and try again.", e);
    }

    static TargetGoneException gone(long pid) {
        return new TargetGoneException("JVM " + pid + " is not running; choose a running JVM (the attach dialog and `firesight jvms` list them).");
    }

    /**
     * True when {@code pid} has exited or exits within {@code grace}: a JVM that is shutting down
     * already drops attach connections while its process still exists.
     */
    static boolean exitsWithin(long pid, Duration grace) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.get().isAlive();
        }
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static OtherUserException otherUser(long pid, String owner) {
        return new OtherUserException("JVM " + pid + " belongs to user " + owner
                + "; run Firesight as that user to record it.");
    }

    private static boolean sameUser(String owner, String me) {
        // Windows reports DOMAIN\\user, Unix the bare name
        int slash = owner.lastIndexOf('\\');
        return owner.substring(slash + 1).equalsIgnoreCase(me);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
