package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
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
    public List<String> checks() {
        return List.of("Get-VMSwitch shows each switch, External, on the right NIC, with the same name on every host.");
    }
}
