package io.hvcluster.sim.host;

import java.util.LinkedHashMap;
import java.util.Map;

/** The network bindings Windows Server puts on an adapter, with the display names Get-NetAdapterBinding shows. */
final class Bindings {

    static final String IPV4 = "ms_tcpip";
    static final String IPV6 = "ms_tcpip6";
    static final String SWITCH = "vms_pp";

    private static final Map<String, String> DISPLAY_NAMES = new LinkedHashMap<>();

    static {
        DISPLAY_NAMES.put("ms_lldp", "Microsoft LLDP Protocol Driver");
        DISPLAY_NAMES.put("ms_implat", "Microsoft Network Adapter Multiplexor Protocol");
        DISPLAY_NAMES.put("ms_lltdio", "Link-Layer Topology Discovery Mapper I/O Driver");
        DISPLAY_NAMES.put("ms_rspndr", "Link-Layer Topology Discovery Responder");
        DISPLAY_NAMES.put("ms_tcpip6", "Internet Protocol Version 6 (TCP/IPv6)");
        DISPLAY_NAMES.put("ms_tcpip", "Internet Protocol Version 4 (TCP/IPv4)");
        DISPLAY_NAMES.put("ms_pacer", "QoS Packet Scheduler");
        DISPLAY_NAMES.put("ms_server", "File and Printer Sharing for Microsoft Networks");
        DISPLAY_NAMES.put("ms_msclient", "Client for Microsoft Networks");
        DISPLAY_NAMES.put("ms_lbfo", "Microsoft Load Balancing/Failover Provider");
        DISPLAY_NAMES.put("vms_pp", "Hyper-V Extensible Virtual Switch");
    }

    private Bindings() {
    }

    /**
     * What a fresh Windows Server adapter has: everything on except the multiplexor protocol, which Windows
     * enables only on a team interface; no vms_pp until Hyper-V is installed.
     */
    static Map<String, Boolean> freshDefaults() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String id : DISPLAY_NAMES.keySet()) {
            if (!id.equals(SWITCH)) {
                m.put(id, !id.equals("ms_implat"));
            }
        }
        return m;
    }

    static String displayName(String componentId) {
        return DISPLAY_NAMES.getOrDefault(componentId, componentId);
    }
}
