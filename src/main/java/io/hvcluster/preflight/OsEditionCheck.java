package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Failover clustering and Hyper-V need Standard or Datacenter (evaluation editions included); Essentials and
 * Foundation have neither. Mixed editions work but Test-Cluster warns, and so do we.
 */
final class OsEditionCheck implements PreflightCheck {

    static final Set<String> SUPPORTED = Set.of("ServerStandard", "ServerDatacenter", "ServerStandardEval", "ServerDatacenterEval");

    @Override
    public String id() {
        return "os-edition";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        Map<String, String> editions = new TreeMap<>();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.os() == null) {
                return;
            }
            editions.put(h.name(), f.os().editionId());
            if (!SUPPORTED.contains(f.os().editionId())) {
                out.error(h.name(), "edition " + f.os().editionId() + " (" + f.os().productName() + ")",
                        "Standard or Datacenter (ServerStandard, ServerDatacenter or their Eval editions), which include failover clustering and Hyper-V",
                        "install Windows Server Standard or Datacenter on " + h.name());
            }
        });
        Set<String> distinct = Set.copyOf(editions.values());
        if (distinct.size() > 1) {
            out.warning(Finding.CLUSTER, "different editions: " + byValue(editions), "the same edition on every node",
                    "supported, but Test-Cluster warns about it; use one edition everywhere (Datacenter if the hosts run many VMs)");
        }
    }

    /** "ServerDatacenter on HV01, HV02; ServerStandard on HV03". */
    static String byValue(Map<String, String> byHost) {
        Map<String, String> grouped = new TreeMap<>();
        byHost.forEach((h, v) -> grouped.merge(v, h, (a, b) -> a + ", " + b));
        return grouped.entrySet().stream().map(e -> e.getKey() + " on " + e.getValue()).collect(Collectors.joining("; "));
    }
}
