package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Get-Disk on a simulated host, and Get-HvcLocalDisk (templates/_lib/disks.ps1.vm) over it. On a cluster node the
 * Storage cmdlets work at cluster level: Get-Disk also lists the disks of the other nodes, without a Number
 * (Get-Disk docs; community.windows PR #652). The facts snapshot and every step effect read disks through
 * {@link #local}, as the probe and the templates do through Get-HvcLocalDisk.
 */
final class GetDisk {

    /** One object Get-Disk returns: a disk and its Number on this host (empty for another node's disk). */
    record Listed(SimDisk disk, Optional<Integer> number) {
    }

    private GetDisk() {
    }

    /** What Get-Disk returns on {@code host}: its own disks numbered from 0, then, on a cluster node, the others'. */
    static List<Listed> of(SimulatedDatacenter dc, String host) {
        List<Listed> out = new ArrayList<>();
        List<SimDisk> mine = dc.disksVisibleTo(host);
        for (int i = 0; i < mine.size(); i++) {
            out.add(new Listed(mine.get(i), Optional.of(i)));
        }
        dc.clusterOf(host).ifPresent(c -> c.nodes.stream().filter(n -> !n.name.equalsIgnoreCase(host))
                .forEach(n -> dc.disksVisibleTo(n.name).forEach(d -> out.add(new Listed(d, Optional.empty())))));
        return out;
    }

    /** Get-HvcLocalDisk: the disks with a Number, this host's own. */
    static List<Listed> local(SimulatedDatacenter dc, String host) {
        return of(dc, host).stream().filter(l -> l.number().isPresent()).toList();
    }
}
