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

    /** vmms: present and running once Hyper-V is installed and its restarts are done. */
    public Optional<String> vmmsStatus() {
        return featureInstalled("Hyper-V") ? Optional.of("Running") : Optional.empty();
    }

    int nextIfIndex() {
        return adapters.stream().mapToInt(a -> a.ifIndex).max().orElse(0) + 1;
    }
}
