package io.hvcluster.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 over the state of one host that a plan depends on, so that apply can tell whether the host changed
 * since the plan was made. Left out: what moves without anyone changing the host (the boot time, the link speed,
 * an address's duplicate-detection state, the vmms service state) and the shared cluster section beyond the
 * host's membership (every node sees it, and other nodes' steps change it); cluster steps re-baseline instead.
 */
public final class FactsFingerprint {

    private FactsFingerprint() {
    }

    public static String of(HostFacts f) {
        StringBuilder b = new StringBuilder();
        b.append(f.computerName()).append('\n');
        if (f.os() != null) {
            b.append(new HostFacts.Os(f.os().build(), f.os().editionId(), f.os().installationType(), f.os().productName(), "",
                    false, f.os().depAvailable())).append('\n');
        }
        b.append(f.features()).append('\n');
        for (HostFacts.Adapter a : f.adapters()) {
            List<HostFacts.IpAddress> ips = a.ipv4().stream().map(ip -> new HostFacts.IpAddress(ip.address(), ip.prefixLength(), ip.origin(), "")).toList();
            b.append(new HostFacts.Adapter(a.name(), a.description(), a.mac(), "", a.ifIndex(), "", a.hidden(), a.dhcp(),
                    a.registerDns(), a.dnsServers(), a.defaultRoute(), ips, a.bindings())).append('\n');
        }
        b.append(f.sessionAdapters()).append('\n');
        for (HostFacts.Disk d : f.disks()) {
            b.append(d.number()).append(' ').append(d.serial()).append(' ').append(d.uniqueId()).append(' ').append(d.guid())
                    .append(' ').append(d.partitionStyle()).append(' ').append(d.partitions()).append('\n');
        }
        b.append("cluster ").append(f.clusterMember() ? f.cluster().name() : "-").append('\n');
        if (f.hyperV() != null) {
            b.append(f.hyperV().switches()).append(f.hyperV().hostVlans()).append('\n');
        }
        b.append("paused ").append(f.pausedByHvcluster());
        return sha256(b.toString());
    }

    /** One fingerprint over several hosts' fingerprints (the plan file's "facts" value). */
    public static String combined(Map<String, String> byHost) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(byHost).forEach((h, fp) -> b.append(h).append('=').append(fp).append('\n'));
        return sha256(b.toString());
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
