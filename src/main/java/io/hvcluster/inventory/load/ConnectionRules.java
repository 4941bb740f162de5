package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.inventory.check.Problems;
import java.util.Locale;

/** Rules for {@code connection}: what OverThere's WinRM client and the Windows listener will accept. */
final class ConnectionRules {

    static final long MAX_TIMEOUT_SECONDS = 3600;
    /** WinRM's default MaxTimeoutms; a longer OperationTimeout is refused by a host left at defaults. */
    static final long WINRM_DEFAULT_MAX_TIMEOUT_SECONDS = 60;

    private ConnectionRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        ConnectionDocument c = d.connection();
        if (c == null) {
            return;
        }
        boolean https = Located.valueOr(c.https(), true);
        AuthMethod auth = Located.valueOr(c.auth(), AuthMethod.KERBEROS);
        port(c, https, problems);
        if (c.username() != null) {
            username(c.username(), auth, realmExample(d), problems);
        }
        if (!https && c.https() != null) {
            problems.add(c.https().warning(auth == AuthMethod.BASIC
                    ? "Basic over HTTP sends the password in clear text and Windows refuses it unless AllowUnencrypted "
                            + "is set; use https: true"
                    : "Windows refuses Kerberos over HTTP without message encryption, which OverThere lacks; use "
                            + "https: true"));
        }
        if (c.allowPasswordOverHttp() != null && c.allowPasswordOverHttp().value()) {
            problems.add(c.allowPasswordOverHttp().warning(https ? "has no effect with https: true"
                    : "the domain password will cross the network in cleartext, inside the payload of the steps "
                            + "that create and validate the cluster; use https: true"));
        }
        if (!https && c.skipCertificateCheck() != null && c.skipCertificateCheck().value()) {
            problems.add(c.skipCertificateCheck().warning("has no effect without https"));
        }
        if (c.secondHop() != null && c.secondHop().value() == SecondHop.DELEGATION && auth != AuthMethod.KERBEROS) {
            problems.add(c.secondHop().error("delegation forwards a Kerberos ticket and Basic has none; use auth: kerberos, "
                    + "or secondHop: task (docs/second-hop.md)"));
        }
        timeout(c.connectTimeoutSeconds(), problems);
        if (timeout(c.operationTimeoutSeconds(), problems)
                && c.operationTimeoutSeconds().value() > WINRM_DEFAULT_MAX_TIMEOUT_SECONDS) {
            problems.add(c.operationTimeoutSeconds().warning("is above 60 s, WinRM's default MaxTimeoutms; raise "
                    + "MaxTimeoutms on every host or WinRM refuses the requests"));
        }
    }

    private static void port(ConnectionDocument c, boolean https, Problems problems) {
        if (c.port() == null) {
            return;
        }
        long port = c.port().value();
        if (port < 1 || port > 65535) {
            problems.add(c.port().error(port + " is not a TCP port; expected 1-65535"));
        } else if (https && port == Connection.DEFAULT_HTTP_PORT) {
            problems.add(c.port().warning("5985 is WinRM's HTTP port; with https: true the listener is normally 5986"));
        } else if (!https && port == Connection.DEFAULT_HTTPS_PORT) {
            problems.add(c.port().warning("5986 is WinRM's HTTPS port; with https: false the listener is normally "
                    + "5985"));
        }
    }

    private static void username(Located<String> username, AuthMethod auth, String realm, Problems problems) {
        String u = username.value();
        if (u.isBlank()) {
            problems.add(username.error("must not be empty"));
            return;
        }
        boolean domainForm = u.contains("\\");
        int at = u.indexOf('@');
        if (auth == AuthMethod.KERBEROS) {
            String user = domainForm ? u.substring(u.indexOf('\\') + 1) : at >= 0 ? u.substring(0, at) : u;
            String example = (user.isEmpty() ? "hvadmin" : user) + "@" + realm;
            if (domainForm) {
                problems.add(username.error("'" + ShownText.value(u) + "' is in DOMAIN\\user form; OverThere's Kerberos needs "
                        + "user@REALM, like " + example));
            } else if (at <= 0 || at == u.length() - 1) {
                problems.add(username.error("'" + ShownText.value(u) + "' has no @REALM; Kerberos needs user@REALM, like " + example));
            }
        } else if (domainForm || at >= 0) {
            problems.add(username.warning("Basic authentication works only for local accounts; '" + u
                    + "' looks like a domain account (use auth: kerberos)"));
        }
    }

    private static String realmExample(InventoryDocument d) {
        if (d.cluster() != null && d.cluster().domain() != null && d.cluster().domain().value().contains(".")) {
            return d.cluster().domain().value().toUpperCase(Locale.ROOT);
        }
        return "CORP.EXAMPLE.COM";
    }

    /** True when the timeout is given and in range. */
    private static boolean timeout(Located<Long> seconds, Problems problems) {
        if (seconds == null) {
            return false;
        }
        if (seconds.value() < 1 || seconds.value() > MAX_TIMEOUT_SECONDS) {
            problems.add(seconds.error("must be between 1 and " + MAX_TIMEOUT_SECONDS + " seconds"));
            return false;
        }
        return true;
    }
}
