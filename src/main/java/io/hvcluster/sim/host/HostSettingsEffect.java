package io.hvcluster.sim.host;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.steps.HostSettingsStep;

/**
 * templates/host-settings/apply.ps1.vm: the step's plan (Defender's exclusions, Set-VMHost, Enable-/Disable-VMMigration,
 * the cluster's BlockCacheSize, each only where it differs), plus the one thing the template reports besides: with
 * Defender not the active antivirus, the warning that lists the exclusions for the product in use.
 */
final class HostSettingsEffect extends PlanningEffect<HostSettingsStep.Params> {

    HostSettingsEffect() {
        super(new HostSettingsStep());
    }

    @Override
    public void apply(StepRun run, HostSettingsStep.Params p) throws StepFailure {
        HostFacts facts = run.facts(p);
        boolean exclusions = p.exclusionPaths().size() + p.exclusionExtensions().size() + p.exclusionProcesses().size() > 0;
        if (exclusions && !HostSettingsStep.defenderActive(facts)) {
            run.warning("Microsoft Defender is not the active antivirus on " + run.host.name + " (" + facts.hostSettings().defenderMode()
                    + "): configure these Hyper-V exclusions in the antivirus in use: folders " + String.join("; ", p.exclusionPaths())
                    + "; extensions " + String.join(", ", p.exclusionExtensions()) + "; processes " + String.join("; ", p.exclusionProcesses()));
        }
        carryOut(run, p);
    }
}
