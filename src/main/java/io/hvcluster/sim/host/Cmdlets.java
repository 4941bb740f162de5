package io.hvcluster.sim.host;

import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.NewCluster;
import io.hvcluster.windows.RenameClusterNetwork;
import io.hvcluster.windows.RenameClusterResource;
import io.hvcluster.windows.RenameNetAdapter;
import io.hvcluster.windows.SetClusterNetworkRole;
import io.hvcluster.windows.SetClusterParameter;
import io.hvcluster.windows.SetClusterQuorum;
import io.hvcluster.windows.TestCluster;
import io.hvcluster.windows.WindowsOp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's model of each cmdlet-level operation ({@link WindowsOp}): what the call does to Windows' state,
 * with the behaviour Windows documents for it (an address Windows finds in use elsewhere turns Duplicate, turning
 * DHCP off drops the APIPA address, ...), and the line the template's Add-HvcChange reports. Every step's simulated
 * script is composed of these; none decides what to change (the step's plan did).
 */
final class Cmdlets {

    /** Applies one kind of operation on the host a script runs on. */
    @FunctionalInterface
    interface Model<O extends WindowsOp> {
        void apply(StepRun run, O op) throws StepFailure;
    }

    private static final Map<Class<? extends WindowsOp>, Model<?>> MODELS = new HashMap<>();

    static {
        on(RenameNetAdapter.class, Cmdlets::renameNetAdapter);
        // The cluster: New-Cluster, Add-ClusterNode, Test-Cluster, disks, networks, quorum (ClusterCmdlets, TestClusterCmdlet).
        on(NewCluster.class, ClusterCmdlets::newCluster);
        on(AddClusterNode.class, ClusterCmdlets::addClusterNode);
        on(TestCluster.class, TestClusterCmdlet::apply);
        on(AddClusterDisk.class, ClusterCmdlets::addClusterDisk);
        on(RenameClusterResource.class, ClusterCmdlets::renameClusterResource);
        on(RenameClusterNetwork.class, ClusterCmdlets::renameClusterNetwork);
        on(SetClusterNetworkRole.class, ClusterCmdlets::setClusterNetworkRole);
        on(SetClusterParameter.class, ClusterCmdlets::setClusterParameter);
        on(SetClusterQuorum.class, ClusterCmdlets::setClusterQuorum);
    }

    private Cmdlets() {
    }

    private static <O extends WindowsOp> void on(Class<O> kind, Model<O> model) {
        MODELS.put(kind, model);
    }

    /** Whether the simulator models this kind of operation (PipelineCompletenessTest checks every kind a step names). */
    static boolean models(Class<? extends WindowsOp> kind) {
        return MODELS.containsKey(kind);
    }

    @SuppressWarnings("unchecked")
    static <O extends WindowsOp> void apply(StepRun run, O op) throws StepFailure {
        Model<O> model = (Model<O>) MODELS.get(op.getClass());
        if (model == null) {
            throw new IllegalStateException("the simulator has no model of " + op.getClass().getSimpleName());
        }
        model.apply(run, op);
    }

    /** The visible or hidden adapter with this interface index (Get-NetAdapter -InterfaceIndex). */
    static NetAdapter adapter(StepRun run, int ifIndex) throws StepFailure {
        List<NetAdapter> found = run.host.adapters.stream().filter(a -> a.ifIndex == ifIndex).toList();
        if (found.size() != 1) {
            throw new StepFailure("No MSFT_NetAdapter objects found with property 'InterfaceIndex' equal to '" + ifIndex + "'.");
        }
        return found.get(0);
    }

    /** Rename-NetAdapter. */
    private static void renameNetAdapter(StepRun run, RenameNetAdapter op) throws StepFailure {
        NetAdapter nic = adapter(run, op.ifIndex());
        String old = nic.name;
        nic.name = op.newName();
        run.change("renamed '" + old + "' [" + nic.mac + "] to '" + op.newName() + "'");
    }
}
