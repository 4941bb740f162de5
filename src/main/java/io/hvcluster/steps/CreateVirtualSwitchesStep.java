package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 10: on every host, an external switch with the inventory's exact name bound to the role's NIC, so
 * VMs can live-migrate between hosts. A switch bound to another NIC is reported, never re-created: that
 * would disconnect every VM on it.
 */
public final class CreateVirtualSwitchesStep implements Step<CreateVirtualSwitchesStep.Params> {

    public static final String ID = "create-virtual-switches";

    public record Params(List<Switch> switches) {
    }

    /** @param vlanId the host vNIC's access VLAN, 0 for none */
    public record Switch(String name, String adapter, boolean allowManagementOs, int vlanId) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Create the external virtual switches";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(EnableHyperVStep.ID, UnbindProtocolsStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params(inventory.cluster().virtualSwitches().stream()
                .map(s -> new Switch(s.name(), s.network(), s.allowManagementOs(), s.vlanId().orElse(0)))
                .toList());
    }

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host.name());
        HostFacts f = facts.of(host.name());
        List<HostFacts.Switch> switches = f.hyperV() == null ? List.of() : f.hyperV().switches();
        for (Switch want : parameters(facts.inventory(), host).switches()) {
            FactsView.AdapterMatch m = facts.adapter(host, host.nic(want.adapter()).orElseThrow());
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter uplink = m.adapter().get();
            Optional<HostFacts.Switch> sw = switches.stream().filter(s -> s.name().equalsIgnoreCase(want.name())).findFirst();
            if (sw.isEmpty()) {
                Optional<HostFacts.Switch> taken = switches.stream().filter(s -> s.adapterDescription().equals(uplink.description())).findFirst();
                if (taken.isPresent()) {
                    out.problem("'" + want.adapter() + "' is already the uplink of switch '" + taken.get().name() + "'");
                    continue;
                }
                out.add("external switch '" + want.name() + "'", "on '" + want.adapter() + "'"
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
                    out.change("AllowManagementOS of switch '" + want.name() + "'", String.valueOf(s.allowManagementOs()),
                            String.valueOf(want.allowManagementOs()));
                }
            }
            if (want.allowManagementOs() && want.vlanId() > 0) {
                Optional<HostFacts.HostVlan> vlan = f.hyperV() == null ? Optional.empty()
                        : f.hyperV().hostVlans().stream().filter(v -> v.adapter().equals(want.name())).findFirst();
                boolean ok = vlan.map(v -> "Access".equals(v.mode()) && v.accessVlanId() == want.vlanId()).orElse(false);
                if (!ok) {
                    out.change("VLAN of the host adapter of switch '" + want.name() + "'",
                            vlan.map(v -> "Access".equals(v.mode()) ? "access " + v.accessVlanId() : v.mode()).orElse(""),
                            "access " + want.vlanId());
                }
            }
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-VMSwitch shows each switch, External, on the right NIC, with the same name on every host.");
    }
}
