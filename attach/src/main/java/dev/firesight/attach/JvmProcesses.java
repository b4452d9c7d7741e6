package dev.firesight.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which local processes are JVMs: those in the JDK's list of running JVMs (jvmstat's hsperfdata
 * files, which also give the main class), plus processes running a {@code java} launcher, which
 * jvmstat misses when they run with {@code -XX:+DisableAttachMechanism} or {@code -XX:-UsePerfData}.
 */
final class JvmProcesses {
    private JvmProcesses() {
    }

    /** Process id to the jvmstat command line ("" when only the OS knows the process), without this one. */
    static Map<Long, String> list() {
        Map<Long, String> jvms = new LinkedHashMap<>();
        for (VirtualMachineDescriptor descriptor : VirtualMachine.list()) {
            try {
                jvms.put(Long.parseLong(descriptor.id()), descriptor.displayName());
            } catch (NumberFormatException ignored) {
                // not a local process id
            }
        }
        ProcessHandle.allProcesses().filter(JvmProcesses::runsJavaLauncher).forEach(p -> jvms.putIfAbsent(p.pid(), ""));
        jvms.remove(ProcessHandle.current().pid());
        return jvms;
    }

    /** True when {@code pid} is a JVM by the rules above. */
    static boolean isJvm(long pid) {
        if (ProcessHandle.of(pid).map(JvmProcesses::runsJavaLauncher).orElse(false)) {
            return true;
        }
        String id = Long.toString(pid);
        return VirtualMachine.list().stream().anyMatch(descriptor -> descriptor.id().equals(id));
    }

    private static boolean runsJavaLauncher(ProcessHandle process) {
        return process.info().command().map(JvmProcesses::isJavaLauncher).orElse(false);
    }

    private static boolean isJavaLauncher(String command) {
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }
}
