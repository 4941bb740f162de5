package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.steps.RenameAdaptersStep;
import java.util.Optional;

/** rename-adapters: each role's NIC must carry the role's name, exactly (case included). */
final class RenameAdaptersDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(RenameAdaptersStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        for (HostNic nic : host.nics()) {
            FactsView.AdapterMatch m = facts.adapter(host, nic);
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            Optional<HostFacts.Adapter> holder = f.adapters().stream()
                    .filter(o -> o.name().equalsIgnoreCase(nic.network()) && o.ifIndex() != a.ifIndex())
                    .findFirst();
            if (holder.isPresent()) {
                out.problem("the name '" + nic.network() + "' already belongs to " + holder.get().description()
                        + " [" + holder.get().mac() + "]");
            } else if (!a.name().equals(nic.network())) {
                out.change("rename '" + a.name() + "' [" + a.mac() + "] to '" + nic.network() + "'");
            }
        }
        return out.toPlan();
    }
}
