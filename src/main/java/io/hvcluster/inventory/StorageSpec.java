package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * How the hosts reach the shared LUNs (the {@code storage:} section).
 *
 * @param kind              iSCSI (hvcluster logs on), Fibre Channel or SAS (LUNs visible at once)
 * @param targets           the iSCSI targets; empty for Fibre Channel and SAS
 * @param chap              one-way CHAP for every target, if the SAN asks for it
 * @param mpio              whether Multipath-IO claims iSCSI (auto: when a host has two or more paths)
 * @param loadBalancePolicy the Microsoft DSM's global default policy
 */
public record StorageSpec(StorageKind kind, List<IscsiTarget> targets, Optional<Chap> chap, MpioMode mpio,
        LoadBalancePolicy loadBalancePolicy) {

    public StorageSpec {
        targets = List.copyOf(targets);
    }

    /**
     * One-way CHAP: the user name, and the environment variable that holds the secret (never the secret).
     *
     * @param username    the CHAP user name the target expects
     * @param secretVariable the environment variable hvcluster reads the secret from
     */
    public record Chap(String username, String secretVariable) {
    }

    /** The paths of {@code host} to {@code target}: one per (iSCSI NIC, portal) pair in the same subnet. */
    public static List<IscsiPath> paths(Inventory inventory, Host host, IscsiTarget target) {
        List<IscsiPath> out = new java.util.ArrayList<>();
        for (Ipv4 portal : target.portals()) {
            for (HostNic nic : host.nics()) {
                Optional<Network> n = inventory.network(nic.network());
                if (n.isEmpty() || n.get().purpose() != NetworkPurpose.ISCSI || nic.ip().isEmpty() || n.get().subnet().isEmpty()) {
                    continue;
                }
                if (n.get().subnet().get().contains(portal)) {
                    out.add(new IscsiPath(nic.network(), nic.ip().get(), portal));
                }
            }
        }
        return out;
    }

    /** Whether Multipath-IO is wanted on {@code host}: as written, or (auto) with two or more paths to a target. */
    public boolean mpioOn(Inventory inventory, Host host) {
        return switch (mpio) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> kind == StorageKind.ISCSI && targets.stream().anyMatch(t -> paths(inventory, host, t).size() >= 2);
        };
    }

    /**
     * One path from a host to a portal.
     *
     * @param network   the iSCSI NIC's network (its adapter name once renamed)
     * @param initiator the NIC's address (-InitiatorPortalAddress)
     * @param portal    the target portal's address (-TargetPortalAddress)
     */
    public record IscsiPath(String network, Ipv4 initiator, Ipv4 portal) {
    }
}
