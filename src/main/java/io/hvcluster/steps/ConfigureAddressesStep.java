package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step 2: static IPv4 on the private networks (cluster, live migration, iSCSI): no gateway, no DNS
 * registration. Management addressing is the admin's and is never touched, nor is any adapter the WinRM
 * session runs over.
 */
public final class ConfigureAddressesStep implements Step<ConfigureAddressesStep.Params> {

    public static final String ID = "configure-addresses";

    /**
     * @param addresses      one per privately addressed role
     * @param winrmPorts     ports whose TCP connections mark the session's adapter as untouchable
     * @param connectAddress the address the tool connects to (protects its adapter too)
     */
    public record Params(List<StaticAddress> addresses, List<Integer> winrmPorts, String connectAddress) {
    }

    /** @param adapter the (renamed) adapter; @param ipAddress dotted IPv4; @param prefixLength CIDR length */
    public record StaticAddress(String adapter, String ipAddress, int prefixLength) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Address the cluster, live-migration and iSCSI networks";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(RenameAdaptersStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<StaticAddress> out = new ArrayList<>();
        for (Network n : inventory.networks()) {
            if (!n.purpose().addressedByTool() || n.subnet().isEmpty()) {
                continue;
            }
            host.nic(n.name()).flatMap(HostNic::ip).ifPresent(ip ->
                    out.add(new StaticAddress(n.name(), ip.toString(), n.subnet().get().prefixLength())));
        }
        SessionGuard session = SessionGuard.of(inventory, host);
        return new Params(out, session.winrmPorts(), session.connectAddress());
    }

    @Override
    public List<String> checks() {
        return List.of("Get-NetIPAddress -AddressFamily IPv4 shows each private address as Manual/Preferred (not Duplicate).",
                "Get-DnsClient shows RegisterThisConnectionsAddress False on the private adapters.",
                "Ping every other node on each private network (the guide: \"ping test everything\").");
    }
}
