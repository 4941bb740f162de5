package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.Simulation;
import io.hvcluster.facts.Delegation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where commands that contact hosts send their scripts: the real hosts over WinRM, or the built-in simulator. */
public final class TargetOptions {

    @Option(names = "--simulate", description = "Run against simulated hosts (in-process, real WinRM on 127.0.0.1) instead of the real ones.")
    boolean simulate;

    @Option(names = "--simulate-fresh", description = "With --simulate: start from freshly installed hosts instead of the saved simulated state.")
    boolean simulateFresh;

    @Option(names = "--simulator-state", paramLabel = "<dir>", defaultValue = "runs/simulator",
            description = "Where simulated hosts keep their state between runs. Default: ${DEFAULT-VALUE}")
    Path simulatorState;

    @Option(names = "--password-stdin", description = "Read the WinRM password from the first line of standard input.")
    boolean passwordStdin;

    boolean simulated() {
        return simulate || simulateFresh;
    }

    /** Opens the hosts: the caller closes the returned target (which saves simulated state). */
    Target open(Inventory inventory, PrintWriter err) {
        if (simulated()) {
            Simulation sim = Simulation.start(inventory, simulatorState, simulateFresh);
            err.println("simulating " + inventory.hosts().size() + " hosts on 127.0.0.1 (state in " + simulatorState + ")");
            return new Target(sim.executors(), Map.of(Delegation.PASSWORD_SECRET, sim.domainPassword()), sim.masker(), sim);
        }
        Secret password = PasswordResolver.system().resolve(inventory.connection().password(), inventory.connection().username(), passwordStdin);
        return new Target(WinRmExecutors.factory(inventory.connection(), password), Map.of(Delegation.PASSWORD_SECRET, password),
                new io.hvcluster.secrets.SecretMasker(java.util.List.of(password)), () -> { });
    }

    /** The executors to use, the secrets scripts may need, and what to close afterwards. */
    record Target(io.hvcluster.run.ExecutorFactory executors, Map<String, Secret> secrets,
            io.hvcluster.secrets.SecretMasker masker, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new UserException(ExitCode.INTERNAL_ERROR, "cannot shut the simulator down cleanly: " + e.getMessage(), e);
            }
        }
    }
}
