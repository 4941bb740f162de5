package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.List;

/**
 * A host's Microsoft iSCSI initiator and Microsoft DSM: MSiSCSI, the discovery portals, the sessions, the automatic
 * claim. A fresh Windows Server has MSiSCSI Manual and stopped, no portal, no session (docs/windows-behaviour.md).
 */
public final class IscsiInitiator {

    public String serviceStatus = "Stopped";
    public String startType = "Manual";
    /** Enable-MSDSMAutomaticClaim -BusType iSCSI was run (the setting). */
    public boolean msdsmIscsiClaim;
    /**
     * Whether the Microsoft DSM claims iSCSI LUNs now: set when the claim is enabled with no iSCSI LUN present
     * (LUNs arriving later are claimed as they arrive), else at the next boot.
     */
    public boolean claimActive;
    public String loadBalancePolicy = "";
    public List<Portal> portals = new ArrayList<>();
    public List<Session> sessions = new ArrayList<>();

    /** A discovery portal. */
    public static final class Portal {
        public String address;
        public String initiatorAddress;
    }

    /** A logged-on session: one path. */
    public static final class Session {
        public String target;
        public String initiatorAddress;
        public String portalAddress;
        public boolean persistent;
    }

    /**
     * A restart: MSiSCSI starts when it is Automatic, persistent sessions log on again (others are gone), and the
     * Microsoft DSM claims iSCSI LUNs when its claim is set and Multipath-IO is installed.
     */
    void boot(boolean multipathInstalled) {
        serviceStatus = "Automatic".equals(startType) ? "Running" : "Stopped";
        sessions.removeIf(s -> !s.persistent || !"Running".equals(serviceStatus));
        claimActive = msdsmIscsiClaim && multipathInstalled;
    }

    /** The sessions to one target: the paths over which its LUNs show. */
    public long pathsTo(String iqn) {
        return sessions.stream().filter(s -> s.target.equalsIgnoreCase(iqn)).count();
    }
}
