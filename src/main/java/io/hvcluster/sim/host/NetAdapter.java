package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One adapter as Get-NetAdapter -IncludeHidden shows it, with its IPv4, DNS client and binding settings. */
public final class NetAdapter {

    public static final String VIRTUAL_ETHERNET = "Hyper-V Virtual Ethernet Adapter";
    public static final String MULTIPLEXOR = "Microsoft Network Adapter Multiplexor Driver";

    public String name;
    public String description;
    /** Get-NetAdapter's form, "00-15-5D-0A-01-02"; empty for adapters without one. */
    public String mac;
    public String status = "Up";
    public int ifIndex;
    public String linkSpeed = "10 Gbps";
    public boolean hidden;
    public boolean dhcp;
    public boolean registerDns = true;
    public List<String> dnsServers = new ArrayList<>();
    /** The 0.0.0.0/0 route's next hop in the ActiveStore (in use now), or null when the interface has none. */
    public String defaultGateway;
    /**
     * The 0.0.0.0/0 route's next hop in the PersistentStore, or null: a static gateway sits in both stores, a DHCP
     * one in the ActiveStore only; at restart Windows copies the PersistentStore to the ActiveStore.
     */
    public String persistentDefaultGateway;
    public List<AssignedAddress> ipv4 = new ArrayList<>();
    /** ComponentID to Enabled, in Get-NetAdapterBinding's order. */
    public Map<String, Boolean> bindings = new LinkedHashMap<>();

    /** A physical NIC: not the host vNIC of a switch, not a team interface (both share a NIC's MAC). */
    public boolean physical() {
        return !description.startsWith(VIRTUAL_ETHERNET) && !description.startsWith("Microsoft Network Adapter Multiplexor");
    }

    /** Whether a 0.0.0.0/0 route sits in either policy store. */
    public boolean hasDefaultRoute() {
        return defaultGateway != null || persistentDefaultGateway != null;
    }

    public boolean bound(String componentId) {
        return Boolean.TRUE.equals(bindings.get(componentId));
    }

    /** An IPv4 address on the interface, as Get-NetIPAddress shows it. */
    public static final class AssignedAddress {
        public String address;
        public int prefixLength;
        /** PrefixOrigin: Manual, Dhcp, WellKnown (APIPA). */
        public String origin;
        /** AddressState: Preferred, Tentative, Duplicate. */
        public String state;

        public AssignedAddress() {
        }

        public AssignedAddress(String address, int prefixLength, String origin, String state) {
            this.address = address;
            this.prefixLength = prefixLength;
            this.origin = origin;
            this.state = state;
        }
    }
}
