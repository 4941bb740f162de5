package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.EnableHyperVStep;

/** enable-hyper-v: Hyper-V Installed (which takes a restart). */
final class EnableHyperVDiff implements StepDiff {

    private final boolean drain;

    EnableHyperVDiff(boolean drain) {
        this.drain = drain;
    }

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(EnableHyperVStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        String state = f.feature("Hyper-V").map(HostFacts.Feature::installState).orElse("");
        if (state.isEmpty()) {
            out.problem("the Hyper-V role is not available on this server");
        } else if (state.equals("Installed") && f.pausedByHvcluster()) {
            out.change("resume " + host.name() + " (hvcluster paused it for a restart whose check did not finish)");
        } else if (state.equals("InstallPending")) {
            out.change("restart to finish installing Hyper-V");
        } else if (!state.equals("Installed")) {
            out.change((drain && f.clusterMember() ? "drain, " : "") + "install Hyper-V with its management tools, restart");
        }
        return out.toPlan();
    }
}
