package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.Simulation;
import io.hvcluster.facts.Delegation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where commands that contact hosts send their scripts: the real hosts over WinRM, or the built-in simulator. */
public final class TargetOptions {

    @Option(names = "--simulate", description = "Run against simulated hosts (in-process, real WinRM on 127.0.0.1) instead of the real ones.")
    boolean simulate;

    @Option(names = "--simulate-fresh", description = "With --simulate: start from freshly installed hosts instead of the saved simulated state.")
    boolean simulateFresh;

    @Option(names = "--simulator-state", paramLabel = "<dir>",
            description = "Where simulated hosts keep their state between runs. Default: runs/simulator/<cluster name>, "
                    + "so that each inventory's simulated cluster has its own.")
    Path simulatorState;

    @Option(names = "--password-stdin", description = "Read the WinRM password from the first line of standard input.")
    boolean passwordStdin;

    boolean simulated() {
        return simulate || simulateFresh;
    }

    /** Opens the hosts: the caller closes the returned target (which saves simulated state). */
    Target open(Inventory inventory, PrintWriter err) {
        return open(inventory, err, false);
    }

    /**
     * @param quiet -q: no SIMULATED banner (the run's summary line says SIMULATED); warnings still show
     */
    Target open(Inventory inventory, PrintWriter err, boolean quiet) {
        if (simulated()) {
            Path state = SimulatorStateFolder.of(simulatorState, inventory);
            Optional<Secret> given = PasswordResolver.system().resolveIfGiven(inventory.connection().password(),
                    inventory.connection().username(), passwordStdin);
            Optional<Secret> chap = ChapSecretSource.resolve(inventory, System::getenv, true);
            Simulation sim = Simulation.start(inventory, state, simulateFresh, given, chap);
            if (!quiet) {
                err.println("SIMULATED: " + inventory.hosts().size() + " simulated hosts on 127.0.0.1, no real host is contacted (state in "
                        + state + "; " + SimulatedPassword.describe(inventory, given.isPresent(), passwordStdin) + ")");
            }
            sim.stateNotes().forEach(n -> err.println("warning: " + n));
            Optional<Secret> witnessKey = CloudWitnessKey.resolve(inventory, System.getenv(), err);
            return new Target(sim.executors(), withWitnessKey(withChap(domainSecrets(inventory, sim.domainPassword()), chap), witnessKey),
                    masker(sim.domainPassword(), chap, witnessKey), sim, true);
        }
        Secret password = PasswordResolver.system().resolve(inventory.connection().password(), inventory.connection().username(), passwordStdin);
        Optional<Secret> chap = ChapSecretSource.resolve(inventory, System::getenv, false);
        PasswordOverHttp.notice(inventory.connection()).ifPresent(err::println);
        Optional<Secret> witnessKey = CloudWitnessKey.resolve(inventory, System.getenv(), err);
        return new Target(PasswordOverHttp.guard(inventory.connection(), WinRmExecutors.factory(inventory.connection(), password)),
                withWitnessKey(withChap(domainSecrets(inventory, password), chap), witnessKey), masker(password, chap, witnessKey),
                () -> { }, false);
    }

    private static Map<String, Secret> withWitnessKey(Map<String, Secret> secrets, Optional<Secret> key) {
        if (key.isEmpty()) {
            return secrets;
        }
        Map<String, Secret> all = new java.util.LinkedHashMap<>(secrets);
        all.put(io.hvcluster.inventory.ExternalWitness.Cloud.KEY_SECRET, key.get());
        return Map.copyOf(all);
    }

    /** Every secret a run may send is masked wherever a run writes or prints. */
    private static io.hvcluster.secrets.SecretMasker masker(Secret password, Optional<Secret> chap, Optional<Secret> witnessKey) {
        java.util.List<Secret> all = new java.util.ArrayList<>(java.util.List.of(password));
        chap.ifPresent(all::add);
        witnessKey.ifPresent(all::add);
        return new io.hvcluster.secrets.SecretMasker(all);
    }

    /**
     * The domain password reaches the hosts only for the second-hop mechanisms that use it there (task,
     * impersonation); under delegation the forwarded Kerberos ticket does the work and no password is sent.
     */
    static Map<String, Secret> domainSecrets(Inventory inventory, Secret password) {
        return inventory.connection().secondHopMechanism().needsPassword() ? Map.of(Delegation.PASSWORD_SECRET, password) : Map.of();
    }

    /** The CHAP secret goes to connect-storage's scripts only, through $HvcSecrets like the domain password. */
    static Map<String, Secret> withChap(Map<String, Secret> secrets, Optional<Secret> chap) {
        if (chap.isEmpty()) {
            return secrets;
        }
        Map<String, Secret> all = new java.util.LinkedHashMap<>(secrets);
        all.put(io.hvcluster.steps.ConnectStorageStep.CHAP_SECRET, chap.get());
        return Map.copyOf(all);
    }

    /** The executors to use, the secrets scripts may need, and what to close afterwards. */
    record Target(io.hvcluster.run.ExecutorFactory executors, Map<String, Secret> secrets,
            io.hvcluster.secrets.SecretMasker masker, AutoCloseable closer, boolean simulated) implements AutoCloseable {
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
