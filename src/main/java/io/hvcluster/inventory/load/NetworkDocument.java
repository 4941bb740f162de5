package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.Subnet;
import java.util.List;

/** One entry of {@code networks} as read; {@code subnetAt} and {@code dnsAt} are null when not written. */
record NetworkDocument(
        Anchor at,
        Located<String> name,
        Located<NetworkPurpose> purpose,
        Anchor subnetAt,
        Located<Subnet> subnet,
        Located<Ipv4> gateway,
        Anchor dnsAt,
        List<Located<Ipv4>> dns) {

    boolean is(NetworkPurpose p) {
        return purpose != null && purpose.value() == p;
    }
}
