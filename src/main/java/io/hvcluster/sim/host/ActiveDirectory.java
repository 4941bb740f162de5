package io.hvcluster.sim.host;

import io.hvcluster.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The domain the hosts are joined to: its computer objects (so "that cluster name is already taken" can be
 * modelled) and the delegation account's password, kept only as a salted hash so a saved state holds no secret.
 */
public final class ActiveDirectory {

    public String domain;
    /** Computer objects, upper case: the nodes, and each cluster's CNO. */
    public Set<String> computerObjects = new LinkedHashSet<>();
    /** Prestaged computer objects, upper case: disabled, waiting for New-Cluster to take them over. */
    public Set<String> prestaged = new LinkedHashSet<>();
    /** Where the nodes' computer accounts live; null means the default CN=Computers container. */
    public String nodesContainer;
    /** Whether the connection account may create computer objects in {@link #computersContainer()}. */
    public boolean createComputerAllowed = true;
    /** Whether the container's security descriptor can be read (a hardened AD may hide it). */
    public boolean aclReadable = true;
    /** No domain controller answers LDAP from the nodes (DNS SRV records, firewall, DC down). */
    public boolean ldapUnreachable;
    /** The connection account is "sensitive and cannot be delegated" (or in Protected Users): no forwardable TGT. */
    public boolean accountNotDelegable;
    /** A GPO took "Log on as a batch job" away from the connection account on the nodes. */
    public boolean noBatchLogonRight;
    public String passwordSalt = "";
    public String passwordHash = "";

    public void setPassword(Secret password) {
        passwordSalt = Long.toHexString(new java.security.SecureRandom().nextLong());
        passwordHash = hash(passwordSalt, password.reveal());
    }

    public boolean passwordMatches(Secret candidate) {
        return !passwordHash.isEmpty() && MessageDigest.isEqual(
                hash(passwordSalt, candidate.reveal()).getBytes(StandardCharsets.US_ASCII),
                passwordHash.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isPrestaged(String name) {
        return prestaged.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The distinguished name of the container holding the nodes' computer accounts. */
    public String computersContainer() {
        if (nodesContainer != null) {
            return nodesContainer;
        }
        return "CN=Computers," + String.join(",", java.util.Arrays.stream(domain.split("\\.")).map(p -> "DC=" + p).toList());
    }

    public boolean hasComputer(String name) {
        return computerObjects.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    private static String hash(String salt, String value) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((salt + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
