package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.steps.UnbindProtocolsStep;

/** unbind-protocols: the listed bindings disabled on every switch uplink; unused NICs disabled when asked. */
final class UnbindProtocolsDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(UnbindProtocolsStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        UnbindProtocolsStep.Params p = new UnbindProtocolsStep().parameters(facts.inventory(), host);
        for (String uplink : p.adapters()) {
            HostNic nic = host.nic(uplink).orElseThrow();
            FactsView.AdapterMatch m = facts.adapter(host, nic);
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            if (f.sessionAdapters().stream().anyMatch(s -> s.equalsIgnoreCase(a.name()))) {
                out.problem("refusing to unbind '" + uplink + "': the WinRM session runs over it");
                continue;
            }
            for (String id : p.componentIds()) {
                a.binding(id).filter(HostFacts.Binding::enabled)
                        .ifPresent(b -> out.change("disable " + id + " on '" + uplink + "'"));
            }
        }
        if (p.disableUnused()) {
            for (HostFacts.Adapter a : f.adapters()) {
                boolean named = p.namedMacs().stream().anyMatch(m -> m.equalsIgnoreCase(a.mac()))
                        || p.namedAdapters().stream().anyMatch(n -> n.equalsIgnoreCase(a.name()));
                boolean session = f.sessionAdapters().stream().anyMatch(s -> s.equalsIgnoreCase(a.name()));
                if (a.physical() && !a.hidden() && !named && !session && !"Disabled".equals(a.status())) {
                    out.change("disable unused adapter '" + a.name() + "' [" + a.mac() + "]");
                }
            }
        }
        return out.toPlan();
    }
}
