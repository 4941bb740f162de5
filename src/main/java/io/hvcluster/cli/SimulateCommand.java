package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.sim.Simulation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster simulate INVENTORY}: serves the simulated hosts over real WinRM until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Serves simulated Windows hosts for the inventory over real WinRM on 127.0.0.1.",
            "One endpoint per host (HTTP, Basic); prints 'HOST URL' per host. Any WinRM client can connect; hvcluster's own scripts change the hosts' modelled state (it is a model of Windows state, not a PowerShell interpreter).",
            "Stop with Ctrl-C: the state is saved and the next simulate or --simulate run continues from it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster simulate inventories/lab-2node.yaml",
            "  hvcluster simulate inventories/lab-2node.yaml --simulate-fresh --for 600"})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Spec
    CommandSpec spec;

    @Option(names = "--simulate-fresh", description = "Start from freshly installed hosts instead of the saved state.")
    boolean fresh;

    @Option(names = "--simulator-state", paramLabel = "<dir>",
            description = "Where the simulated hosts keep their state. Default: runs/simulator/<cluster name>.")
    Path stateOption;

    @Option(names = "--for", paramLabel = "<seconds>", description = "Stop by itself after this many seconds (default: until Ctrl-C).")
    Long seconds;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        requireSeconds();
        Path state = SimulatorStateFolder.of(stateOption, inv);
        java.util.Optional<io.hvcluster.secrets.Secret> given = PasswordResolver.system()
                .resolveIfGiven(inv.connection().password(), inv.connection().username(), false);
        Simulation sim = Simulation.start(inv, state, fresh, given);
        sim.stateNotes().forEach(n -> spec.commandLine().getErr().println("warning: " + n));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sim.endpointLines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("simulated hosts ready (user " + sim.username()
                + ", Basic over HTTP; " + SimulatedPassword.describe(inv, given.isPresent())
                + "). The state is saved as it changes, in " + state);
        spec.commandLine().getErr().flush();
        boolean stopped = seconds == null ? waitForever(stop) : stop.await(seconds, TimeUnit.SECONDS);
        if (!stopped) {
            Runtime.getRuntime().removeShutdownHook(hook);
            sim.close();
        }
        return ExitCode.OK.code();
    }

    private void requireSeconds() {
        if (seconds != null) {
            RunOptionsMixin.requirePositive("--for", seconds);
        }
    }

    private static boolean waitForever(CountDownLatch stop) throws InterruptedException {
        stop.await();
        return true;
    }
}
