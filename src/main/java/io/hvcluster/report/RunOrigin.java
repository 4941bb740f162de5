package io.hvcluster.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Who ran hvcluster, with which version, from which machine: what a change board asks of a run. The WinRM
 * account is the inventory's user name, never its password.
 *
 * @param toolVersion  hvcluster's version ("1.4.0")
 * @param osUser       the operating-system account that ran the tool
 * @param winrmAccount the account the hosts were (or would be) contacted as; "" when none
 * @param machine      the host name of the machine the tool ran on
 */
public record RunOrigin(String toolVersion, String osUser, String winrmAccount, String machine) {

    public RunOrigin {
        toolVersion = orEmpty(toolVersion);
        osUser = orEmpty(osUser);
        winrmAccount = orEmpty(winrmAccount);
        machine = orEmpty(machine);
    }

    /** This process: the OS user and the machine it runs on. */
    public static RunOrigin current(String toolVersion, String winrmAccount) {
        return new RunOrigin(toolVersion, currentOsUser(), winrmAccount, currentMachine());
    }

    /** Nothing known (tests and callers that do not say). */
    public static RunOrigin unknown() {
        return new RunOrigin("", "", "", "");
    }

    private static String currentOsUser() {
        // On Windows USERDOMAIN says which domain the account belongs to; a change board wants CORP\alice, not alice.
        String user = System.getProperty("user.name", "");
        String domain = System.getenv("USERDOMAIN");
        return domain == null || domain.isBlank() || user.contains("\\") ? user : domain + "\\" + user;
    }

    /** COMPUTERNAME on Windows, HOSTNAME where the shell exports it, else what the resolver says. */
    private static String currentMachine() {
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The host name is in the exception's message ("myhost: Name or service not known").
            String m = String.valueOf(e.getMessage());
            int colon = m.indexOf(':');
            return colon > 0 ? m.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
