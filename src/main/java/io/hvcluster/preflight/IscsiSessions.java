package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.IscsiTarget;
import io.hvcluster.inventory.StorageSpec;
import java.util.Optional;

/**
 * Whether a host's iSCSI LUNs can be looked at yet. Step connect-storage makes the sessions (and, with MPIO, the
 * restart that lets the Microsoft DSM claim the LUNs), so before it has run an invisible or doubled LUN is expected,
 * not an error: the check says why it cannot run yet (docs/preflight.md).
 */
final class IscsiSessions {

    static final String NOT_YET = "not possible yet, because the iSCSI sessions are made by step connect-storage";

    private IscsiSessions() {
    }

    /**
     * Why a host's LUNs cannot be checked yet.
     *
     * @param reason the sentence, the same for every host it applies to
     * @param portal the portal no session reaches yet from this host, or "" ({@code initiator} likewise)
     */
    record NotYet(String reason, String initiator, String portal) {
        @Override
        public String toString() {
            return portal.isEmpty() ? reason : reason + " (no session yet from " + initiator + " to portal " + portal + ")";
        }
    }

    /** Why the LUNs of {@code host} cannot be checked yet; empty when the check can run. */
    static Optional<NotYet> notYet(Inventory inventory, Host host, HostFacts f) {
        Optional<StorageSpec> storage = inventory.iscsi();
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        HostFacts.Storage s = f.storage();
        if (s == null) {
            return Optional.of(new NotYet(NOT_YET + " (the iSCSI initiator's state could not be read)", "", ""));
        }
        for (IscsiTarget t : storage.get().targets()) {
            for (StorageSpec.IscsiPath p : StorageSpec.paths(inventory, host, t)) {
                boolean connected = s.sessions().stream().anyMatch(x -> x.connected()
                        && x.initiatorAddress().equals(p.initiator().toString()) && x.portalAddress().equals(p.portal().toString())
                        && t.iqn().map(iqn -> iqn.equalsIgnoreCase(x.target())).orElse(true));
                if (!connected) {
                    return Optional.of(new NotYet(NOT_YET, p.initiator().toString(), p.portal().toString()));
                }
            }
        }
        if (storage.get().mpioOn(inventory, host) && (!f.featureInstalled("Multipath-IO") || !s.msdsmIscsiClaim())) {
            return Optional.of(new NotYet("not possible yet, because step connect-storage installs Multipath-IO and lets the Microsoft "
                    + "DSM claim the LUNs (until then each LUN shows once per path)", "", ""));
        }
        return Optional.empty();
    }
}
