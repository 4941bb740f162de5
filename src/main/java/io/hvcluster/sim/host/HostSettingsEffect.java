package io.hvcluster.sim.host;

import io.hvcluster.steps.HostSettingsStep;
import java.util.List;

/**
 * templates/host-settings/apply.ps1.vm on the model: Defender's exclusions (only while Defender is the active
 * antivirus; otherwise the warning with the list), Set-VMHost's paths and live-migration settings,
 * Enable-/Disable-VMMigration, and the cluster's BlockCacheSize; each changed only when it differs.
 */
final class HostSettingsEffect implements StepEffect<HostSettingsStep.Params> {

    @Override
    public Class<HostSettingsStep.Params> paramsType() {
        return HostSettingsStep.Params.class;
    }

    @Override
    public void apply(StepRun run, HostSettingsStep.Params p) throws StepFailure {
        WindowsHost h = run.host;
        if (p.exclusionPaths().size() + p.exclusionExtensions().size() + p.exclusionProcesses().size() > 0) {
            if (!"Normal".equals(h.defenderMode)) {
                run.warning("Microsoft Defender is not the active antivirus on " + h.name + " (" + h.defenderMode
                        + "): configure these Hyper-V exclusions in the antivirus in use: folders " + String.join("; ", p.exclusionPaths())
                        + "; extensions " + String.join(", ", p.exclusionExtensions()) + "; processes " + String.join("; ", p.exclusionProcesses()));
            } else {
                add(run, "path", p.exclusionPaths(), h.exclusionPaths, false);
                add(run, "extension", p.exclusionExtensions(), h.exclusionExtensions, true);
                add(run, "process", p.exclusionProcesses(), h.exclusionProcesses, false);
            }
        }
        if (h.vmmsStatus(run.nowMillis()).filter("Running"::equals).isEmpty()) {
            throw new StepFailure("Hyper-V is not running on " + h.name + " (enable-hyper-v runs first)");
        }
        if (!p.virtualMachinePath().isEmpty() && !h.virtualMachinePath.equalsIgnoreCase(p.virtualMachinePath())) {
            run.change("default virtual machine path: " + h.virtualMachinePath + " -> " + p.virtualMachinePath());
            h.virtualMachinePath = p.virtualMachinePath();
        }
        if (!p.virtualHardDiskPath().isEmpty() && !h.virtualHardDiskPath.equalsIgnoreCase(p.virtualHardDiskPath())) {
            run.change("default virtual hard disk path: " + h.virtualHardDiskPath + " -> " + p.virtualHardDiskPath());
            h.virtualHardDiskPath = p.virtualHardDiskPath();
        }
        if (!p.migrationEnabled().isEmpty()) {
            boolean want = p.migrationEnabled().equals("enable");
            if (h.migrationEnabled != want) {
                h.migrationEnabled = want;
                run.change("live migration " + (want ? "enabled" : "disabled"));
            }
        }
        if (p.maximumMigrations() > 0 && h.maximumMigrations != p.maximumMigrations()) {
            run.change("simultaneous live migrations: " + h.maximumMigrations + " -> " + p.maximumMigrations());
            h.maximumMigrations = p.maximumMigrations();
        }
        if (!p.performanceOption().isEmpty() && !h.migrationPerformance.equalsIgnoreCase(p.performanceOption())) {
            run.change("live migration performance option: " + h.migrationPerformance + " -> " + p.performanceOption());
            h.migrationPerformance = p.performanceOption();
        }
        if (!p.authentication().isEmpty() && !h.migrationAuthentication.equalsIgnoreCase(p.authentication())) {
            run.change("live migration authentication: " + h.migrationAuthentication + " -> " + p.authentication());
            h.migrationAuthentication = p.authentication();
        }
        if (p.csvBlockCacheMb() >= 0) {
            SimulatedCluster c = run.requireCluster();
            if (c.blockCacheMb != p.csvBlockCacheMb()) {
                run.change("CSV block cache (MB): " + c.blockCacheMb + " -> " + p.csvBlockCacheMb());
                c.blockCacheMb = p.csvBlockCacheMb();
            }
        }
    }

    /** Add-MpPreference for what Get-MpPreference does not list yet (case-insensitive; extensions with or without the dot). */
    private static void add(StepRun run, String kind, List<String> want, List<String> have, boolean extension) {
        for (String w : want) {
            boolean present = have.stream().map(x -> extension && x.startsWith(".") ? x.substring(1) : x).anyMatch(w::equalsIgnoreCase);
            if (!present) {
                have.add(w);
                run.change("Defender exclusion " + kind + " " + w);
            }
        }
    }
}
