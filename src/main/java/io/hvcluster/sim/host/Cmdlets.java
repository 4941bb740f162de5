package io.hvcluster.sim.host;

import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.AddClusterSharedVolume;
import io.hvcluster.windows.AddMpPreference;
import io.hvcluster.windows.ConnectIscsiTarget;
import io.hvcluster.windows.DisableNetAdapter;
import io.hvcluster.windows.DisableNetAdapterBinding;
import io.hvcluster.windows.EnableMSDSMAutomaticClaim;
import io.hvcluster.windows.FormatVolume;
import io.hvcluster.windows.InOrder;
import io.hvcluster.windows.InitializeDisk;
import io.hvcluster.windows.InstallWindowsFeature;
import io.hvcluster.windows.NewCluster;
import io.hvcluster.windows.NewIscsiTargetPortal;
import io.hvcluster.windows.NewNetIPAddress;
import io.hvcluster.windows.NewPartition;
import io.hvcluster.windows.NewVMSwitch;
import io.hvcluster.windows.RegisterIscsiSession;
import io.hvcluster.windows.RemoveNetIPAddress;
import io.hvcluster.windows.RemoveNetRoute;
import io.hvcluster.windows.RenameClusterNetwork;
import io.hvcluster.windows.RenameClusterResource;
import io.hvcluster.windows.RenameNetAdapter;
import io.hvcluster.windows.ResumeClusterNode;
import io.hvcluster.windows.SetClusterBlockCacheSize;
import io.hvcluster.windows.SetClusterNetworkRole;
import io.hvcluster.windows.SetClusterParameter;
import io.hvcluster.windows.SetClusterQuorum;
import io.hvcluster.windows.SetDiskIsOffline;
import io.hvcluster.windows.SetDiskIsReadOnly;
import io.hvcluster.windows.SetDnsClient;
import io.hvcluster.windows.SetDnsClientServerAddress;
import io.hvcluster.windows.SetMSDSMGlobalDefaultLoadBalancePolicy;
import io.hvcluster.windows.SetNetIPInterface;
import io.hvcluster.windows.SetService;
import io.hvcluster.windows.SetVMHost;
import io.hvcluster.windows.SetVMMigration;
import io.hvcluster.windows.SetVMNetworkAdapterVlan;
import io.hvcluster.windows.SetVMSwitch;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.StartService;
import io.hvcluster.windows.SuspendClusterNode;
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
        // Networking (configure-addresses, unbind-protocols, create-virtual-switches)
        on(SetNetIPInterface.class, NetIpCmdlets::setNetIPInterface);
        on(RemoveNetRoute.class, NetIpCmdlets::removeNetRoute);
        on(RemoveNetIPAddress.class, NetIpCmdlets::removeNetIPAddress);
        on(NewNetIPAddress.class, NetIpCmdlets::newNetIPAddress);
        on(SetDnsClient.class, NetIpCmdlets::setDnsClient);
        on(SetDnsClientServerAddress.class, NetIpCmdlets::setDnsClientServerAddress);
        on(DisableNetAdapterBinding.class, NetAdapterCmdlets::disableNetAdapterBinding);
        on(DisableNetAdapter.class, NetAdapterCmdlets::disableNetAdapter);
        on(NewVMSwitch.class, VMSwitchCmdlets::newVMSwitch);
        on(SetVMSwitch.class, VMSwitchCmdlets::setVMSwitch);
        on(SetVMNetworkAdapterVlan.class, VMSwitchCmdlets::setVMNetworkAdapterVlan);
        // features and restarts (install-failover-clustering, enable-hyper-v, connect-storage)
        on(InstallWindowsFeature.class, FeatureCmdlets::install);
        on(ShutdownRestart.class, Restart::schedule);
        on(SuspendClusterNode.class, ClusterNodeCmdlets::suspend);
        on(ResumeClusterNode.class, ClusterNodeCmdlets::resume);
        // host settings (host-settings)
        on(AddMpPreference.class, HostSettingsCmdlets::addMpPreference);
        on(SetVMHost.class, HostSettingsCmdlets::setVMHost);
        on(SetVMMigration.class, HostSettingsCmdlets::setVMMigration);
        on(SetClusterBlockCacheSize.class, HostSettingsCmdlets::setBlockCacheSize);
        // one change made by several cmdlets, in order
        on(InOrder.class, Cmdlets::inOrder);
        // Shared disks (prepare-shared-disks, add-shared-volumes): DiskCmdlets
        on(SetDiskIsOffline.class, DiskCmdlets::setDiskIsOffline);
        on(SetDiskIsReadOnly.class, DiskCmdlets::setDiskIsReadOnly);
        on(InitializeDisk.class, DiskCmdlets::initializeDisk);
        on(NewPartition.class, DiskCmdlets::newPartition);
        on(FormatVolume.class, DiskCmdlets::formatVolume);
        on(AddClusterSharedVolume.class, DiskCmdlets::addClusterSharedVolume);
        // Shared storage (connect-storage): IscsiCmdlets
        on(SetService.class, IscsiCmdlets::setService);
        on(StartService.class, IscsiCmdlets::startService);
        on(EnableMSDSMAutomaticClaim.class, IscsiCmdlets::enableMsdsmAutomaticClaim);
        on(SetMSDSMGlobalDefaultLoadBalancePolicy.class, IscsiCmdlets::setMsdsmGlobalDefaultLoadBalancePolicy);
        on(NewIscsiTargetPortal.class, IscsiCmdlets::newIscsiTargetPortal);
        on(ConnectIscsiTarget.class, IscsiCmdlets::connectIscsiTarget);
        on(RegisterIscsiSession.class, IscsiCmdlets::registerIscsiSession);
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

    /** Several cmdlets in order: the first that fails stops the script there. */
    private static void inOrder(StepRun run, InOrder op) throws StepFailure {
        for (WindowsOp each : op.ops()) {
            apply(run, each);
        }
    }

    /** Rename-NetAdapter. */
    private static void renameNetAdapter(StepRun run, RenameNetAdapter op) throws StepFailure {
        NetAdapter nic = adapter(run, op.ifIndex());
        String old = nic.name;
        nic.name = op.newName();
        run.change("renamed '" + old + "' [" + nic.mac + "] to '" + op.newName() + "'");
    }
}
