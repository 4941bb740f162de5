package io.hvcluster.sim.host;

/**
 * The WinRM logon a script runs in, as far as the second hop cares (docs/second-hop.md).
 *
 * @param kerberos            a Kerberos (Negotiate) logon accepted by the simulator's GSS acceptor; false for Basic
 * @param delegatedCredential the client forwarded a TGT that the acceptor received
 */
public record SessionLogon(boolean kerberos, boolean delegatedCredential) {

    /**
     * A Basic logon. In `--simulate` the WinRM client always uses Basic (there is no KDC), standing in for the
     * inventory's authentication: under secondHop delegation it stands for hvcluster's Kerberos client, which
     * forwards a TGT (KerberosDelegationTest proves the real client does).
     */
    public static final SessionLogon BASIC = new SessionLogon(false, false);
}
