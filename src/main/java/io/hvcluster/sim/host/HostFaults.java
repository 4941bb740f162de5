package io.hvcluster.sim.host;

import java.util.LinkedHashMap;
import java.util.Map;

/** Faults injected into one host. */
public final class HostFaults {
    /** Step id to the error message that step fails with (exit 1, the message in the result's "error"). */
    public Map<String, String> failingSteps = new LinkedHashMap<>();
    /** After its next restart the hypervisor fails to launch: an error in the System log, hypervisorPresent false. */
    public boolean hypervisorLaunchError;
    /** The next restart never ends: the host stays unreachable. */
    public boolean neverComesBack;
    /** Facts section name ("disks", "cluster", ...) to the message the probe reports for it in "errors". */
    public Map<String, String> failingFactsSections = new LinkedHashMap<>();
    /** Windows Firewall drops ICMP echo requests: other nodes' pings to it go unanswered. */
    public boolean dropsPings;
    /** The firewall blocks WMI over DCOM (TCP 135 and the dynamic RPC ports): remote WMI calls to it fail. */
    public boolean blocksWmiDcom;
    /** The Remote Registry service is stopped: OpenRemoteBaseKey to it fails. */
    public boolean remoteRegistryStopped;
    /** The firewall blocks SMB (TCP 445): its ADMIN$ share cannot be reached. */
    public boolean blocksSmb;
    /**
     * Windows has servicing of its own waiting for a restart: Install-WindowsFeature answers SuccessRestartRequired
     * (RestartNeeded Yes) even for a feature that needs no restart, and the feature stays InstallPending until the
     * next boot (dsccommunity/ExchangeDsc#154 shows Failover-Clustering so).
     */
    public boolean featureInstallNeedsRestart;
    /** Draining this node does not complete (DrainStatus Failed), as when a role cannot move. */
    public boolean drainFails;
    /**
     * hypervisorlaunchtype is Off in the BCD: after a restart the hypervisor does not start and no error is logged;
     * only Win32_ComputerSystem.HypervisorPresent (false) tells.
     */
    public boolean hypervisorLaunchTypeOff;
    /** A driver fails at the first of Hyper-V's two restarts: a System log error the second boot no longer covers. */
    public boolean errorBetweenHyperVRestarts;
    /** CSV names this node reaches only in redirected access (Get-ClusterSharedVolumeState: FileSystemRedirected). */
    public java.util.List<String> redirectedVolumes = new java.util.ArrayList<>();
    /** CSV names this node cannot reach under C:\\ClusterStorage (Test-Path is false). */
    public java.util.List<String> unreachableVolumes = new java.util.ArrayList<>();
    /** A live migration to this node fails (Move-ClusterVirtualMachineRole throws; the VM stays where it was). */
    public boolean liveMigrationFails;
    /** Replies lost per live migration when this node pings an address during one (the guide's continuous ping). */
    public int pingRepliesLostPerMigration;
}
