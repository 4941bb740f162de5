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
        in.hostFacts().forEach((Host h, HostFacts f) -> IscsiSessions.notYet(in.inventory(), h, f)
                .ifPresent(why -> out.skipped(h.name(), "shared disks: " + why)));
        for (DiskSpec spec : SharedDisks.all(in.inventory())) {
            Map<String, String> identities = new TreeMap<>();
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
                            "the LUN is reached over several paths without MPIO: install Multipath-IO on " + h.name() + " and claim the disks");
                } else {
                    HostFacts.Disk d = found.get(0);
                    identities.put(h.name(), "unique id " + d.uniqueId() + (d.guid().isEmpty() ? "" : ", guid " + d.guid()));
                }
            });
            if (Set.copyOf(identities.values()).size() > 1) {
                out.error(Finding.CLUSTER, SharedDisks.describe(spec) + " is a different disk on different hosts: " + OsEditionCheck.byValue(identities),
                        "the same LUN on every node", "the serial number is not unique across LUNs: identify the disk by its uniqueId in the inventory");
            }
        }
    }
}
