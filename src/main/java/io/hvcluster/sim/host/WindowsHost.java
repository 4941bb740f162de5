package io.hvcluster.sim.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated Windows Server host: what its facts probe and its step scripts read and change. A plain state
 * bag, persisted as JSON; the behaviour lives in the step effects and in {@link SimulatedDatacenter}.
 */
public final class WindowsHost {

    public String name;
    /** The AD domain's FQDN, or null when the host is in a workgroup. */
    public String domain;
    /** The address the WinRM session's TCP connections arrive on (the management IP). */
    public String sessionAddress;

    public int osBuild;
    public String editionId = "ServerDatacenter";
    public String installationType = "Server";
    public String productName;
    /** The UI language (Get-UICulture): Test-Cluster's warnings and summary words are written in it. */
    public String uiCulture = "en-US";
    public boolean depAvailable = true;

    public String cpuManufacturer = "GenuineIntel";
    public String cpuModel = "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz";
    /** Win32_Processor.Architecture: 9 is x64. */
    public int cpuArchitecture = 9;
    public int sockets = 2;
    public int logicalProcessors = 128;
    /** The firmware setting; Win32_Processor reads false while a hypervisor runs. */
    public boolean virtualizationFirmwareEnabled = true;
    public boolean slat = true;
    /** Whether the Hyper-V hypervisor launched at the last boot. */
    public boolean hypervisorRunning;

    public String systemManufacturer = "Dell Inc.";
    public String systemModel = "PowerEdge R750";
    public long memoryBytes = 256L * 1024 * 1024 * 1024;

    /** Windows feature name to InstallState (Available, InstallPending, Installed). */
    public Map<String, String> features = new LinkedHashMap<>();
    /** Restarts still needed before InstallPending features become Installed (Hyper-V may need two). */
    public int bootsToFinishFeatures;
    /** A restart pending for a reason outside hvcluster (Windows Update, a file rename). */
    public boolean otherRebootPending;
    /** HKLM:\SOFTWARE\hvcluster PausedForHyperV. */
    public boolean pausedForHyperVMark;
    /**
     * Get-MpComputerStatus' AMRunningMode: "Normal" while Microsoft Defender is the active antivirus, "Passive Mode"
     * beside a third-party one; "absent" when the Defender cmdlets are not there.
     */
    public String defenderMode = "Normal";
    /** Get-MpPreference ExclusionPath, ExclusionExtension, ExclusionProcess, as added. */
    public List<String> exclusionPaths = new ArrayList<>();
    public List<String> exclusionExtensions = new ArrayList<>();
    public List<String> exclusionProcesses = new ArrayList<>();
    /** Get-VMHost once Hyper-V runs: Hyper-V's defaults on a fresh host. */
    public String virtualMachinePath = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V";
    public String virtualHardDiskPath = "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks";
    public boolean migrationEnabled;
    public int maximumMigrations = 2;
    /** Msvm_VirtualSystemMigrationServiceSettingData: EnableCompression = True, EnableSmbTransport = False by default. */
    public String migrationPerformance = "Compression";
    public String migrationAuthentication = "CredSSP";
    /** HKLM:\SOFTWARE\hvcluster\Validation: final-validation's mark, or null. */
    public ValidationMark validationMark;

    /** The values final-validation writes under HKLM:\SOFTWARE\hvcluster\Validation. */
    public static final class ValidationMark {
        public String fingerprint = "";
        public String report = "";
        public String result = "";
        public boolean approved;
        public String at = "";
    }
    /** HKLM:\SOFTWARE\hvcluster HyperVRestartRequested: when the first of Hyper-V's restarts was asked for (epoch ms). */
    public Long hyperVRestartRequestedMillis;
    /** When vmms (an automatic service) reaches Running after the last boot: some time after WinRM answers. */
    public long vmmsRunningAtMillis;
    /** %ProgramData%\hvcluster\run-lock.json: the run lock an apply holds, or null (templates/run-lock). */
    public io.hvcluster.facts.RunLockMark runLock;

    public List<NetAdapter> adapters = new ArrayList<>();
    public List<VirtualSwitch> switches = new ArrayList<>();
    public List<SystemEvent> systemLog = new ArrayList<>();

    public long bootTimeMillis;
    public int bootCount = 1;
    /** When a scheduled restart begins, or null. */
    public Long shutdownAtMillis;
    public boolean down;
    /** When a host that is down answers again; null while down means never. */
    public Long upAtMillis;

    public HostFaults faults = new HostFaults();
    /** The iSCSI initiator and the Microsoft DSM (connect-storage). */
    public IscsiInitiator iscsi = new IscsiInitiator();
    /** Test-Cluster reports under C:\\Windows\\Cluster\\Reports, oldest first (validate-cluster leaves them). */
    public List<String> clusterReports = new ArrayList<>();
    /** HKLM:\\SOFTWARE\\hvcluster BurnInDrainedNode: the node a burn-in drained and has not resumed yet. */
    public String burnInDrainedNode;

    public boolean partOfDomain() {
        return domain != null;
    }

    public String featureState(String feature) {
        return features.get(feature);
    }

    public boolean featureInstalled(String feature) {
        return "Installed".equals(features.get(feature));
    }

    /** Adapters Get-NetAdapter lists without -IncludeHidden. */
    @JsonIgnore
    public List<NetAdapter> visibleAdapters() {
        return adapters.stream().filter(a -> !a.hidden).toList();
    }

    public Optional<NetAdapter> adapter(String adapterName) {
        return adapters.stream().filter(a -> !a.hidden && a.name.equalsIgnoreCase(adapterName)).findFirst();
    }

    public Optional<NetAdapter> adapterByMac(String mac) {
        return adapters.stream().filter(a -> a.physical() && !a.hidden && a.mac.equalsIgnoreCase(mac)).findFirst();
    }

    public Optional<VirtualSwitch> virtualSwitch(String switchName) {
        return switches.stream().filter(s -> s.name.equals(switchName)).findFirst();
    }

    /** Test-HvcPendingReboot: CBS RebootPending while features wait for a restart, or another reason. */
    public boolean pendingReboot() {
        return otherRebootPending || features.containsValue("InstallPending");
    }

    /** ClusSvc: absent until Failover-Clustering is installed, Running on a cluster member, else Stopped. */
    public Optional<String> clusterServiceStatus(boolean member) {
        if (!featureInstalled("Failover-Clustering")) {
            return Optional.empty();
        }
        return Optional.of(member ? "Running" : "Stopped");
    }

    /** vmms at {@code atMillis}: present once Hyper-V is installed, Running from {@link #vmmsRunningAtMillis} on. */
    public Optional<String> vmmsStatus(long atMillis) {
        if (!featureInstalled("Hyper-V")) {
            return Optional.empty();
        }
        return Optional.of(atMillis >= vmmsRunningAtMillis ? "Running" : "Stopped");
    }

    int nextIfIndex() {
        return adapters.stream().mapToInt(a -> a.ifIndex).max().orElse(0) + 1;
    }
}
