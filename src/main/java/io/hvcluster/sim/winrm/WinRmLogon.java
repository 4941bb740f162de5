package io.hvcluster.sim.winrm;

/**
 * The logon a WinRM request authenticated as. Windows gives WinRM a network logon; it holds credentials that can
 * reach another machine only when the client delegated them (a forwarded Kerberos TGT). docs/second-hop.md.
 *
 * @param user                the authenticated account (Basic: as typed; Negotiate: the Kerberos principal)
 * @param scheme              "Basic" or "Negotiate"
 * @param delegatedCredential whether the client forwarded a TGT that the acceptor received (Negotiate only)
 */
public record WinRmLogon(String user, String scheme, boolean delegatedCredential) {

    public static final String BASIC = "Basic";
    public static final String NEGOTIATE = "Negotiate";

    public static WinRmLogon basic(String user) {
        return new WinRmLogon(user, BASIC, false);
    }

    public boolean kerberos() {
        return NEGOTIATE.equals(scheme);
    }
}
