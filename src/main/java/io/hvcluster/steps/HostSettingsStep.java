package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostSettingsSpec;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.AddMpPreference;
import io.hvcluster.windows.SetClusterBlockCacheSize;
import io.hvcluster.windows.SetVMHost;
import io.hvcluster.windows.SetVMMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The guide's host settings, per host, after the virtual switches: Microsoft Defender exclusions for Hyper-V
 * hosts and clusters (Microsoft's list, KB 3105657; with a third-party antivirus a warning lists them instead),
 * the default VM and VHD paths on a CSV, the live-migration host settings and, on the first node, the CSV block
 * cache. Each setting comes from the inventory's {@code hostSettings} (docs/inventory.md); one not named there is
 * left as Windows has it, except the exclusions, which are on by default.
 */
public final class HostSettingsStep implements Step<HostSettingsStep.Params> {

    public static final String ID = "host-settings";

    /** Recommended antivirus exclusions for Hyper-V hosts (KB 3105657): the file types, by extension. */
    static final List<String> EXTENSIONS = List.of("vhd", "vhdx", "avhd", "avhdx", "vhds", "vhdpmem", "iso", "rct", "vsv", "bin",
            "vmcx", "vmrs", "vmgs");

    /** The default Hyper-V folders and the CSV root (KB 3105657); Defender expands the variables. */
    static final List<String> PATHS = List.of("%ProgramData%\\Microsoft\\Windows\\Hyper-V",
            "%Public%\\Documents\\Hyper-V\\Virtual Hard Disks", "%SystemDrive%\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Snapshots",
            "C:\\ClusterStorage");

    /**
     * @param exclusionPaths      folders to exclude (empty: exclusions are off in the inventory)
     * @param exclusionExtensions file extensions to exclude, without the dot
     * @param exclusionProcesses  processes to exclude (full paths)
     * @param virtualMachinePath  the default VM path, "" when not managed
     * @param virtualHardDiskPath the default VHD path, "" when not managed
     * @param migrationEnabled    "enable", "disable" or "" (not managed)
     * @param maximumMigrations   0 when not managed
     * @param performanceOption   "" when not managed
     * @param authentication      "" when not managed
     * @param csvBlockCacheMb     -1 when not managed or not the first node
     */
    public record Params(List<String> exclusionPaths, List<String> exclusionExtensions, List<String> exclusionProcesses,
            String virtualMachinePath, String virtualHardDiskPath, String migrationEnabled, int maximumMigrations,
            String performanceOption, String authentication, long csvBlockCacheMb) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Apply the host settings (Defender exclusions, VM paths, live migration, CSV cache)";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(CreateVirtualSwitchesStep.ID, AddSharedVolumesStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        HostSettingsSpec s = inventory.hostSettings();
        List<String> paths = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        if (s.defenderExclusions()) {
            paths.addAll(PATHS);
            s.virtualMachinePath().filter(p -> !underClusterStorage(p)).ifPresent(paths::add);
            s.virtualHardDiskPath().filter(p -> !underClusterStorage(p)).ifPresent(paths::add);
            processes.addAll(List.of("%SystemRoot%\\System32\\Vmms.exe", "%SystemRoot%\\System32\\Vmwp.exe",
                    "%SystemRoot%\\System32\\Vmsp.exe"));
            if (inventory.cluster().targetOs().atLeast(TargetOs.WINDOWS_SERVER_2019)) {
                processes.add("%SystemRoot%\\System32\\Vmcompute.exe");
            }
        }
        boolean first = host.name().equalsIgnoreCase(inventory.firstNode().name());
        return new Params(paths, s.defenderExclusions() ? EXTENSIONS : List.of(), processes, s.virtualMachinePath().orElse(""),
                s.virtualHardDiskPath().orElse(""), s.migrationEnabled().map(e -> e ? "enable" : "disable").orElse(""),
                s.maximumMigrations().orElse(0), s.performanceOption().orElse(""), s.authentication().orElse(""),
                first ? s.csvBlockCacheMb().orElse(-1L) : -1L);
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        HostFacts.HostSettings now = f.hostSettings();
        if (defenderActive(f)) {
            List<String> havePaths = now == null ? List.of() : now.exclusionPaths();
            List<String> haveExtensions = now == null ? List.of() : now.exclusionExtensions().stream().map(HostSettingsStep::extension).toList();
            List<String> haveProcesses = now == null ? List.of() : now.exclusionProcesses();
            exclusions(out, "Defender exclusion path", p.exclusionPaths(), havePaths, AddMpPreference.Exclusion.PATH);
            exclusions(out, "Defender exclusion extension", p.exclusionExtensions(), haveExtensions, AddMpPreference.Exclusion.EXTENSION);
            exclusions(out, "Defender exclusion process", p.exclusionProcesses(), haveProcesses, AddMpPreference.Exclusion.PROCESS);
        }
        if (f.featureInstalled(WindowsFeature.HYPER_V.windowsName()) && (f.hyperV() == null || !f.hyperV().running())) {
            // Installed but vmms stopped: enable-hyper-v has nothing left to do, so nothing before this step starts it.
            out.problem("Hyper-V is not running on " + host + " (enable-hyper-v runs first)");
        }
        Optional<HostFacts.HostSettings> hv = Optional.ofNullable(now);
        setting(out, "default virtual machine path", p.virtualMachinePath(), hv.map(HostFacts.HostSettings::virtualMachinePath),
                SetVMHost.Setting.VIRTUAL_MACHINE_PATH);
        setting(out, "default virtual hard disk path", p.virtualHardDiskPath(), hv.map(HostFacts.HostSettings::virtualHardDiskPath),
                SetVMHost.Setting.VIRTUAL_HARD_DISK_PATH);
        if (!p.migrationEnabled().isEmpty()) {
            boolean want = p.migrationEnabled().equals("enable");
            Optional<Boolean> is = hv.map(HostFacts.HostSettings::migrationEnabled);
            if (is.isEmpty() || is.get() != want) {
                out.change("live migration", is.map(b -> b ? "enabled" : "disabled").orElse("unknown"), want ? "enabled" : "disabled")
                        .by(new SetVMMigration(want));
            }
        }
        if (p.maximumMigrations() > 0) {
            setting(out, "simultaneous live migrations", Integer.toString(p.maximumMigrations()),
                    hv.map(HostFacts.HostSettings::maximumMigrations).map(String::valueOf), SetVMHost.Setting.MAXIMUM_VIRTUAL_MACHINE_MIGRATIONS);
        }
        setting(out, "live migration performance option", p.performanceOption(), hv.map(HostFacts.HostSettings::performanceOption),
                SetVMHost.Setting.VIRTUAL_MACHINE_MIGRATION_PERFORMANCE_OPTION);
        setting(out, "live migration authentication", p.authentication(), hv.map(HostFacts.HostSettings::authentication),
                SetVMHost.Setting.VIRTUAL_MACHINE_MIGRATION_AUTHENTICATION_TYPE);
        if (p.csvBlockCacheMb() >= 0) {
            long is = hv.map(HostFacts.HostSettings::csvBlockCacheMb).orElse(-1L);
            if (is != p.csvBlockCacheMb()) {
                out.change("CSV block cache (MB)", is < 0 ? "unknown" : Long.toString(is), Long.toString(p.csvBlockCacheMb()))
                        .by(new SetClusterBlockCacheSize(p.csvBlockCacheMb()));
            }
        }
        return out.build();
    }

    /**
     * Whether Microsoft Defender is the active antivirus (AMRunningMode Normal, or not known): else, passive beside
     * another product or absent, the exclusions belong in that product and the script only lists them (a warning).
     */
    public static boolean defenderActive(HostFacts f) {
        return f.hostSettings() == null || "Normal".equalsIgnoreCase(f.hostSettings().defenderMode());
    }

    @Override
    public List<String> checks() {
        return List.of("Get-MpPreference lists the Hyper-V exclusions (ExclusionPath, ExclusionExtension, ExclusionProcess); with a "
                        + "third-party antivirus, configure the same list there.",
                "Get-VMHost shows the VM and VHD paths and the live-migration settings; (Get-Cluster).BlockCacheSize the CSV cache.");
    }

    private static void exclusions(StepPlanBuilder out, String object, List<String> want, List<String> have, AddMpPreference.Exclusion kind) {
        want.stream().filter(x -> !containsIgnoreCase(have, x)).forEach(x -> out.add(object, x).by(new AddMpPreference(kind, x)));
    }

    private static void setting(StepPlanBuilder out, String object, String want, Optional<String> is, SetVMHost.Setting setting) {
        if (want.isEmpty()) {
            return;
        }
        String now = is.orElse(null);
        if (now == null || !now.equalsIgnoreCase(want)) {
            out.change(object, now == null ? "unknown" : now, want).by(new SetVMHost(setting, want));
        }
    }

    /** Defender keeps an extension as it was given: with or without the dot. */
    static String extension(String e) {
        return e.startsWith(".") ? e.substring(1) : e;
    }

    private static boolean containsIgnoreCase(List<String> list, String value) {
        return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    private static boolean underClusterStorage(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith("c:\\clusterstorage\\");
    }
}
