package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import java.util.Optional;

/** create-virtual-switches: each switch External, on its uplink, with the management-OS setting and VLAN. */
final class CreateVirtualSwitchesDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(CreateVirtualSwitchesStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        CreateVirtualSwitchesStep.Params p = new CreateVirtualSwitchesStep().parameters(facts.inventory(), host);
        for (CreateVirtualSwitchesStep.Switch want : p.switches()) {
            FactsView.AdapterMatch m = facts.adapter(host, host.nic(want.adapter()).orElseThrow());
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter uplink = m.adapter().get();
            Optional<HostFacts.Switch> sw = f.hyperV() == null ? Optional.empty()
                    : f.hyperV().switches().stream().filter(s -> s.name().equalsIgnoreCase(want.name())).findFirst();
            if (sw.isEmpty()) {
                Optional<HostFacts.Switch> taken = f.hyperV() == null ? Optional.empty() : f.hyperV().switches().stream()
                        .filter(s -> s.adapterDescription().equals(uplink.description())).findFirst();
                if (taken.isPresent()) {
                    out.problem("'" + want.adapter() + "' is already the uplink of switch '" + taken.get().name() + "'");
                    continue;
                }
                out.change("create external switch '" + want.name() + "' on '" + want.adapter() + "'"
                        + (want.allowManagementOs() ? ", shared with the host" : ""));
            } else {
                HostFacts.Switch s = sw.get();
                if (!"External".equals(s.switchType())) {
                    out.problem("switch '" + want.name() + "' is " + s.switchType() + ", not External");
                    continue;
                }
                if (!s.adapterDescription().equals(uplink.description())) {
                    out.problem("switch '" + want.name() + "' is bound to '" + s.adapterDescription() + "', not to '"
                            + want.adapter() + "' (hvcluster never re-creates a switch: that disconnects its VMs)");
                    continue;
                }
                if (s.allowManagementOs() != want.allowManagementOs()) {
                    out.change("set AllowManagementOS to " + want.allowManagementOs() + " on switch '" + want.name() + "'");
                }
            }
            if (want.allowManagementOs() && want.vlanId() > 0) {
                boolean ok = f.hyperV() != null && f.hyperV().hostVlans().stream().anyMatch(v -> v.adapter().equals(want.name())
                        && "Access".equals(v.mode()) && v.accessVlanId() == want.vlanId());
                if (!ok) {
                    out.change("set access VLAN " + want.vlanId() + " on the host adapter of switch '" + want.name() + "'");
                }
            }
        }
        return out.toPlan();
    }
}
