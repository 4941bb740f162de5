package io.hvcluster.sim.host;

import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.windows.InstallWindowsFeature;
import java.util.Optional;
import java.util.Set;

/**
 * Install-WindowsFeature on the model (docs/windows-behaviour.md, "Installing a feature"): a name Windows does not
 * know fails; an installed feature is NoChangeNeeded; Hyper-V's prerequisite check refuses a CPU without
 * virtualization or DEP; a feature that needs a restart (Hyper-V, Multipath-IO, or any feature while Windows has
 * servicing of its own pending: the {@code featureInstallNeedsRestart} fault) is InstallPending until the next boot
 * with ExitCode SuccessRestartRequired; {@code -IncludeManagementTools} takes the feature's PowerShell module along.
 */
final class FeatureCmdlets {

    /** Features whose installation Windows finishes only at the next boot. */
    private static final Set<WindowsFeature> FINISHED_AT_BOOT = Set.of(WindowsFeature.HYPER_V, WindowsFeature.MULTIPATH_IO);

    private FeatureCmdlets() {
    }

    /** Install-WindowsFeature -Name (without -Restart); reports "installed NAME (ExitCode)" as the templates do. */
    static void install(StepRun run, InstallWindowsFeature op) throws StepFailure {
        WindowsHost host = run.host;
        String state = host.featureState(op.name());
        if (state == null) {
            throw new StepFailure("ArgumentNotValid: The role, role service, or feature name is not valid: '" + op.name()
                    + "'. The name was not found.");
        }
        if (state.equals("Installed")) {
            result(run, "NoChangeNeeded", false);
            return;
        }
        Optional<WindowsFeature> known = WindowsFeature.byName(op.name());
        if (known.filter(WindowsFeature.HYPER_V::equals).isPresent()) {
            hyperVPrerequisites(host);
        }
        run.spend(run.latencies().featureInstall());
        boolean atBoot = known.filter(FINISHED_AT_BOOT::contains).isPresent() || host.faults.featureInstallNeedsRestart
                || state.equals("InstallPending");
        String after = atBoot ? "InstallPending" : "Installed";
        host.features.put(op.name(), after);
        if (op.includeManagementTools()) {
            known.flatMap(WindowsFeature::managementTools).map(WindowsFeature::windowsName)
                    .filter(tools -> host.features.containsKey(tools) && !host.featureInstalled(tools))
                    .ifPresent(tools -> host.features.put(tools, after));
        }
        if (atBoot) {
            // Hyper-V restarts the host a second time by itself on real hosts (docs/windows-behaviour.md).
            int boots = known.filter(WindowsFeature.HYPER_V::equals).isPresent() && run.latencies().hyperVSecondReboot() ? 2 : 1;
            host.bootsToFinishFeatures = Math.max(host.bootsToFinishFeatures, boots);
        }
        String exitCode = atBoot ? "SuccessRestartRequired" : "Success";
        result(run, exitCode, atBoot);
        run.change("installed " + op.name() + " (" + exitCode + ")");
    }

    /** The result object's ExitCode and RestartNeeded, which the templates copy into their data. */
    private static void result(StepRun run, String exitCode, boolean restartNeeded) {
        run.data.put("exitCode", exitCode);
        run.data.put("restartNeeded", restartNeeded ? "Yes" : "No");
    }

    /** Install-WindowsFeature's prerequisite check for Hyper-V: a terminating error under 'Stop'. */
    private static void hyperVPrerequisites(WindowsHost host) throws StepFailure {
        if (!host.virtualizationFirmwareEnabled && !host.hypervisorRunning) {
            throw new StepFailure("A prerequisite check for the Hyper-V feature failed. 1. Hyper-V cannot be installed: "
                    + "The processor does not have required virtualization capabilities.");
        }
        if (!host.depAvailable) {
            throw new StepFailure("A prerequisite check for the Hyper-V feature failed. 1. Hyper-V cannot be installed: "
                    + "Data Execution Prevention (DEP) is not enabled in the firmware.");
        }
    }
}
