package io.hvcluster.facts;

import java.util.List;

/**
 * What the read-only preflight probe found on one host (templates/preflight/probe.ps1.vm): the pings to the
 * other nodes and, on the first node only, what AD and DNS say about the cluster's name. Field names are the
 * JSON keys the probe writes. A section the probe could not read is named in {@link #errors()}.
 *
 * @param directory null on every node but the first
 * @param secondHop the mechanism the second-hop paths were tried under ("" on every node but the first)
 * @param hops      the second-hop paths from the first node (empty elsewhere)
 */
public record PreflightFacts(String probe, String computerName, List<HostFacts.SectionError> errors, List<Ping> pings,
        Directory directory, String secondHop, List<Hop> hops) {

    public PreflightFacts {
        errors = errors == null ? List.of() : List.copyOf(errors);
        pings = pings == null ? List.of() : List.copyOf(pings);
        secondHop = secondHop == null ? "" : secondHop;
        hops = hops == null ? List.of() : List.copyOf(hops);
    }

    /** Facts without second-hop answers (a node other than the first). */
    public PreflightFacts(String probe, String computerName, List<HostFacts.SectionError> errors, List<Ping> pings,
            Directory directory) {
        this(probe, computerName, errors, pings, directory, "", List.of());
    }

    /**
     * One second-hop path tried from the first node.
     *
     * @param target  the node (or, for ldap, the domain) called
     * @param path    wmiDcom, remoteRegistry, adminShare, ldap; "mechanism" when the mechanism itself failed
     * @param ok      whether the call worked
     * @param message Windows' error when it did not
     */
    public record Hop(String target, String path, boolean ok, String message) {
    }

    /** What became of one ping. */
    public enum PingResult {
        reachable, unreachable,
        /** This host does not hold {@code localAddress} yet, so the network cannot be tested from it. */
        notAddressed
    }

    /**
     * @param network      the inventory network the ping tests
     * @param host         the node pinged
     * @param address      its inventory address on that network
     * @param localAddress this host's inventory address on that network ("" for management: always pinged)
     */
    public record Ping(String network, String host, String address, String localAddress, PingResult result) {
    }

    /** "yes", "no", or "unknown" when the probe could not tell. */
    public enum Answer {
        yes, no, unknown
    }

    /**
     * @param account               the account the probe ran as (DOMAIN\\user)
     * @param dnsTaken              whether the cluster's FQDN already resolves
     * @param dnsAddresses          what it resolves to
     * @param dnsMessage            why the lookup could not tell, or ""
     * @param computerObject        whether a computer account with the cluster's name exists
     * @param computerObjectEnabled whether that account is enabled (a prestaged CNO is disabled)
     * @param computerObjectDn      its distinguished name, or ""
     * @param nodeOu                the distinguished name of the container holding this node's computer account
     * @param mayCreateComputers    whether the account may create computer objects there
     * @param directoryMessage      why the AD part could not tell, or ""
     */
    public record Directory(String account, Answer dnsTaken, List<String> dnsAddresses, String dnsMessage,
            Answer computerObject, boolean computerObjectEnabled, String computerObjectDn, String nodeOu,
            Answer mayCreateComputers, String directoryMessage) {

        public Directory {
            dnsAddresses = dnsAddresses == null ? List.of() : List.copyOf(dnsAddresses);
        }
    }
}
