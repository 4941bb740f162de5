package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The witness and every CSV disk are visible to every node, exactly once (twice means multipath without MPIO),
 * and are the same LUN everywhere (the same unique id and GPT guid).
 */
final class SharedDiskVisibilityCheck implements PreflightCheck {

    @Override
    public String id() {
        return "shared-disks-visible";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        skipUntilConnected(in, out);
        for (DiskSpec spec : SharedDisks.all(in.inventory())) {
            Map<String, String> identities = new TreeMap<>();
            Set<String> uniqueIds = new java.util.HashSet<>();
            Set<String> guids = new java.util.HashSet<>();
            in.hostFacts().forEach((Host h, HostFacts f) -> {
                if (!SharedDisks.read(f) || IscsiSessions.notYet(in.inventory(), h, f).isPresent()) {
                    return;
                }
                List<HostFacts.Disk> found = SharedDisks.matching(f, spec);
                if (found.isEmpty()) {
                    out.error(h.name(), SharedDisks.describe(spec) + " is not visible", "every node sees every shared disk",
                            "present the LUN to " + h.name() + " (SAN zoning and masking, or the iSCSI target's initiator list), then rescan "
                                    + "(Update-HostStorageCache) and check Get-Disk");
                } else if (found.size() > 1) {
                    out.error(h.name(), SharedDisks.describe(spec) + " is seen " + found.size() + " times (disks "
                                    + found.stream().map(d -> String.valueOf(d.number())).toList() + ")", "exactly one disk",
                            "the LUN is reached over several paths without MPIO: on " + h.name() + " run Install-WindowsFeature -Name "
                                    + "Multipath-IO, then " + mpioClaim(found.get(0)) + ", and restart it (Restart-Computer): "
                                    + "the Microsoft DSM then shows the LUN once");
                } else {
                    HostFacts.Disk d = found.get(0);
                    identities.put(h.name(), "unique id " + d.uniqueId() + (d.guid().isEmpty() ? "" : ", guid " + d.guid()));
                    uniqueIds.add(d.uniqueId().toLowerCase(java.util.Locale.ROOT));
                    // A node that still shows the disk RAW (its storage cache predates prepare-shared-disks on the
                    // first node) has no GUID to compare: not a different disk.
                    if (!d.guid().isEmpty()) {
                        guids.add(d.guid().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            });
            if (uniqueIds.size() > 1 || guids.size() > 1) {
                out.error(Finding.CLUSTER, SharedDisks.describe(spec) + " is a different disk on different hosts: " + OsEditionCheck.byValue(identities),
                        "the same LUN on every node", "the serial number is not unique across LUNs: identify the disk by its uniqueId in the inventory");
            }
        }
    }

    /**
     * How the Microsoft DSM claims the disk's bus: Enable-MSDSMAutomaticClaim takes iSCSI or SAS; other buses (Fibre
     * Channel) by hardware id.
     */
    private static String mpioClaim(HostFacts.Disk d) {
        if (d.busType().equalsIgnoreCase("iSCSI") || d.busType().equalsIgnoreCase("SAS")) {
            return "Enable-MSDSMAutomaticClaim -BusType " + (d.busType().equalsIgnoreCase("iSCSI") ? "iSCSI" : "SAS");
        }
        return "New-MSDSMSupportedHW -AllApplicable";
    }

    /**
     * Before connect-storage has run, every host says the same thing: one line for all of them (with the addresses
     * no session comes from yet), not one per host.
     */
    private static void skipUntilConnected(PreflightInput in, Findings out) {
        Map<String, Map<String, IscsiSessions.NotYet>> byReason = new java.util.LinkedHashMap<>();
        in.hostFacts().forEach((Host h, HostFacts f) -> IscsiSessions.notYet(in.inventory(), h, f)
                .ifPresent(why -> byReason.computeIfAbsent(why.reason(), r -> new java.util.LinkedHashMap<>()).put(h.name(), why)));
        byReason.forEach((reason, hosts) -> {
            if (hosts.size() == 1) {
                hosts.forEach((host, why) -> out.skipped(host, "shared disks: " + why));
                return;
            }
            List<String> from = hosts.entrySet().stream().filter(e -> !e.getValue().portal().isEmpty())
                    .map(e -> e.getKey() + " (" + e.getValue().initiator() + " to portal " + e.getValue().portal() + ")").toList();
            out.skipped(Finding.CLUSTER, "shared disks on " + String.join(", ", hosts.keySet()) + ": " + reason
                    + (from.isEmpty() ? "" : " (no session yet from " + String.join(", ", from) + ")"));
        });
    }
}
