package io.hvcluster.cli;

import io.hvcluster.capacity.CapacityJson;
import io.hvcluster.capacity.CapacityPlanner;
import io.hvcluster.capacity.CapacityReport;
import io.hvcluster.capacity.CapacityTable;
import io.hvcluster.capacity.InvalidCapacitySpecException;
import io.hvcluster.inventory.Inventory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster capacity INVENTORY}: does the planned load fit with the failover reserve down? */
@Command(name = "capacity", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Checks that the planned VMs fit with the failover reserve hosts down, and sizes the SAN.",
            "Reads the inventory's capacity section: RAM with the reserve hosts down (Hyper-V overhead included), vCPU : logical processor ratios, SAN size. Exit 0 when it fits, 1 when it does not."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster capacity inventories/lab-4node.yaml",
            "  hvcluster capacity my-cluster.yaml --json"})
final class CapacityCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        if (inv.capacity().isEmpty()) {
            throw new UserException(ExitCode.INVALID_INPUT, inventory.file() + " has no capacity section (see docs/capacity.md)");
        }
        CapacityReport report;
        try {
            report = CapacityPlanner.plan(inv.capacity().get(), inv.hosts().size());
        } catch (InvalidCapacitySpecException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        spec.commandLine().getOut().print(json ? CapacityJson.render(report) + "\n" : CapacityTable.render(report));
        spec.commandLine().getOut().flush();
        return report.fits() ? ExitCode.OK.code() : ExitCode.STEP_FAILED.code();
    }
}
