package io.hvcluster.sim.host;

import io.hvcluster.windows.AddMpPreference;
import io.hvcluster.windows.SetClusterBlockCacheSize;
import io.hvcluster.windows.SetVMHost;
import io.hvcluster.windows.SetVMMigration;
import java.util.List;

/**
 * Add-MpPreference, Set-VMHost, Enable-/Disable-VMMigration and the cluster's BlockCacheSize on the model, each with
 * the line templates/host-settings/apply.ps1.vm reports for it. Where Windows lacks what a cmdlet needs, it fails
 * as Windows does: without Defender (removed, or never there) Add-MpPreference does not exist; without Hyper-V the
 * Hyper-V module does not; with Hyper-V installed but vmms stopped the cmdlet cannot reach the host
 * (docs/windows-behaviour.md, "Host settings").
 */
final class HostSettingsCmdlets {

    private HostSettingsCmdlets() {
    }

    /** Add-MpPreference: a value already listed (case-insensitive; an extension with or without its dot) is kept once. */
    static void addMpPreference(StepRun run, AddMpPreference op) throws StepFailure {
        WindowsHost h = run.host;
        if ("absent".equals(h.defenderMode)) {
            throw notRecognized("Add-MpPreference");
        }
        List<String> list = switch (op.kind()) {
            case PATH -> h.exclusionPaths;
            case EXTENSION -> h.exclusionExtensions;
            case PROCESS -> h.exclusionProcesses;
        };
        boolean extension = op.kind() == AddMpPreference.Exclusion.EXTENSION;
        boolean listed = list.stream().anyMatch(x -> strip(x, extension).equalsIgnoreCase(strip(op.value(), extension)));
        if (!listed) {
            list.add(op.value());
        }
        run.change("Defender exclusion " + op.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + op.value());
    }

    private static String strip(String value, boolean extension) {
        return extension && value.startsWith(".") ? value.substring(1) : value;
    }

    /** Set-VMHost -{setting} {value}. */
    static void setVMHost(StepRun run, SetVMHost op) throws StepFailure {
        WindowsHost h = run.host;
        requireVmms(run, "Set-VMHost");
        String old;
        switch (op.setting()) {
            case VIRTUAL_MACHINE_PATH -> {
                old = h.virtualMachinePath;
                h.virtualMachinePath = op.value();
            }
            case VIRTUAL_HARD_DISK_PATH -> {
                old = h.virtualHardDiskPath;
                h.virtualHardDiskPath = op.value();
            }
            case MAXIMUM_VIRTUAL_MACHINE_MIGRATIONS -> {
                old = Integer.toString(h.maximumMigrations);
                h.maximumMigrations = Integer.parseInt(op.value());
            }
            case VIRTUAL_MACHINE_MIGRATION_PERFORMANCE_OPTION -> {
                old = h.migrationPerformance;
                h.migrationPerformance = op.value();
            }
            case VIRTUAL_MACHINE_MIGRATION_AUTHENTICATION_TYPE -> {
                old = h.migrationAuthentication;
                h.migrationAuthentication = op.value();
            }
            default -> throw new IllegalStateException("no model of Set-VMHost -" + op.setting().parameter());
        }
        run.change(reported(op.setting()) + ": " + old + " -> " + op.value());
    }

    /** The words the template's Add-HvcChange uses for each setting. */
    private static String reported(SetVMHost.Setting setting) {
        return switch (setting) {
            case VIRTUAL_MACHINE_PATH -> "default virtual machine path";
            case VIRTUAL_HARD_DISK_PATH -> "default virtual hard disk path";
            case MAXIMUM_VIRTUAL_MACHINE_MIGRATIONS -> "simultaneous live migrations";
            case VIRTUAL_MACHINE_MIGRATION_PERFORMANCE_OPTION -> "live migration performance option";
            case VIRTUAL_MACHINE_MIGRATION_AUTHENTICATION_TYPE -> "live migration authentication";
        };
    }

    /** Enable-VMMigration / Disable-VMMigration. */
    static void setVMMigration(StepRun run, SetVMMigration op) throws StepFailure {
        requireVmms(run, op.enabled() ? "Enable-VMMigration" : "Disable-VMMigration");
        run.host.migrationEnabled = op.enabled();
        run.change("live migration " + (op.enabled() ? "enabled" : "disabled"));
    }

    /** (Get-Cluster).BlockCacheSize = N: Get-Cluster needs this node in a cluster with ClusSvc running. */
    static void setBlockCacheSize(StepRun run, SetClusterBlockCacheSize op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        long old = c.blockCacheMb;
        c.blockCacheMb = op.megabytes();
        run.change("CSV block cache (MB): " + old + " -> " + op.megabytes());
    }

    /** The Hyper-V module's cmdlets exist once Hyper-V is installed and reach the host only while vmms runs. */
    private static void requireVmms(StepRun run, String cmdlet) throws StepFailure {
        String vmms = run.host.vmmsStatus(run.nowMillis()).orElse(null);
        if (vmms == null) {
            throw notRecognized(cmdlet);
        }
        if (!vmms.equals("Running")) {
            throw new StepFailure("Hyper-V encountered an error trying to access an object on computer '" + run.host.name
                    + "' because the object was not found. The object might have been deleted. Verify that the Virtual Machine "
                    + "Management service on the computer is running.");
        }
    }

    private static StepFailure notRecognized(String cmdlet) {
        return new StepFailure("The term '" + cmdlet + "' is not recognized as the name of a cmdlet, function, script file, or "
                + "operable program.");
    }
}
