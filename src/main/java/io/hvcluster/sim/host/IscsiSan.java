package io.hvcluster.sim.host;

import io.hvcluster.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated iSCSI array: its targets, the portals that offer them, its CHAP setting and the fault knobs
 * (docs/simulator-hosts.md). Which LUN sits behind which target is {@link SimDisk#iscsiTarget}.
 */
public final class IscsiSan {

    public List<Target> targets = new ArrayList<>();
    /** Portal addresses that refuse every connection (the array's port is down, a firewall drops TCP 3260). */
    public Set<String> refusingPortals = new LinkedHashSet<>();
    /** One-way CHAP user name the targets expect, or null for no CHAP. */
    public String chapUser;
    /** SHA-256 of the CHAP secret the targets expect: the state file never holds the secret itself. */
    public String chapSecretSha256;

    /** One target of the array. */
    public static final class Target {
        public String iqn;
        public List<String> portals = new ArrayList<>();
    }

    public Optional<Target> target(String iqn) {
        return targets.stream().filter(t -> t.iqn.equalsIgnoreCase(iqn)).findFirst();
    }

    /** The targets a portal offers in SendTargets discovery. */
    public List<Target> offeredBy(String portal) {
        return targets.stream().filter(t -> t.portals.contains(portal)).toList();
    }

    /** Whether a logon with this secret passes the array's CHAP check (no CHAP configured: any logon passes). */
    public boolean chapAccepts(String user, Secret secret) {
        if (chapUser == null) {
            return true;
        }
        return chapUser.equals(user) && secret != null && sha256(secret).equals(chapSecretSha256);
    }

    static String sha256(Secret secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
