package dev.firesight.app.cli;

import dev.firesight.attach.demo.DemoService;
import java.io.PrintStream;
import java.util.List;

/** {@code demo}: runs the demo service in this process until killed, to have something to record. */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo                             run a demo service to record (until Ctrl-C)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        if (!args.isEmpty()) {
            throw new UsageException("'demo' takes no arguments.");
        }
        long pid = ProcessHandle.current().pid();
        out.println("Demo service running as pid " + pid + " (allocation churn in DemoService.priceOrder,"
                + " a slow leak in DemoService$AuditLog); stop it with Ctrl-C.");
        out.println("Record it from another terminal: firesight record --pid " + pid
                + " --event cpu,alloc --duration 10");
        out.flush();
        new DemoService().run();
        return 0;
    }
}
