package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
import java.util.Set;

/** Step 1: give every role's NIC the role's name, finding it by MAC (or by its current name). */
public final class RenameAdaptersStep implements Step<RenameAdaptersStep.Params> {

    public static final String ID = "rename-adapters";

    /** @param adapters one entry per role the host maps */
    public record Params(List<Adapter> adapters) {
    }

    /**
     * @param name        the role name the adapter must carry
     * @param mac         the MAC in Get-NetAdapter's form, or "" when found by name
     * @param currentName the adapter's name before the first run, or "" when found by MAC
     */
    public record Adapter(String name, String mac, String currentName) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Rename network adapters by role";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params(host.nics().stream()
                .map(n -> new Adapter(n.network(), n.mac().map(MacAddress::value).orElse(""), n.currentName().orElse("")))
                .toList());
    }

    @Override
    public List<String> checks() {
        return List.of("Get-NetAdapter shows every role name on the NIC with the inventory's MAC address.");
    }

    static String label(HostNic nic) {
        return nic.mac().map(MacAddress::value).orElseGet(() -> "'" + nic.currentName().orElse("?") + "'");
    }
}
