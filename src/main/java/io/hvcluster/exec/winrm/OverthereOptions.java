package io.hvcluster.exec.winrm;

import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.cifs.WinrmHttpsHostnameVerificationStrategy;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where {@link WinRmSettings} become OverThere's string-keyed {@link ConnectionOptions}
 * (option names from OverThere 5.3.2's {@code ConnectionOptions} and {@code BaseCifsConnectionBuilder}).
 */
final class OverthereOptions {

    /**
     * OverThere's default socket timeout is 0 (wait forever). A Receive legitimately takes up to the
     * OperationTimeout, so allow that plus the network delay WS-Management itself assumes (MS-WSMV 3.2.2:
     * NetworkDelayms = 5000) and some slack; past that the connection is dead, not slow.
     */
    static final Duration READ_MARGIN = Duration.ofSeconds(15);

    private OverthereOptions() {
    }

    static ConnectionOptions from(WinRmSettings s) {
        ConnectionOptions o = new ConnectionOptions();
        // Route B: WinRmConnection is constructed directly, yet its constructor still validates these three.
        o.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        o.set(BaseCifsConnectionBuilder.CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        o.set(ConnectionOptions.PROTOCOL, "cifs");

        o.set(ConnectionOptions.ADDRESS, s.address());
        o.set(ConnectionOptions.PORT, s.port());
        o.set(ConnectionOptions.USERNAME, s.auth() == WinRmSettings.Auth.KERBEROS ? upperCaseRealm(s.username()) : s.username());
        o.set(ConnectionOptions.PASSWORD, s.password().reveal());
        o.set(ConnectionOptions.CONNECTION_TIMEOUT_MILLIS, millis(s.connectTimeout()));
        o.set(ConnectionOptions.SOCKET_TIMEOUT_MILLIS, millis(s.operationTimeout().plus(READ_MARGIN)));
        o.set(BaseCifsConnectionBuilder.WINRM_TIMEMOUT, xsDuration(s.operationTimeout()));

        o.set(BaseCifsConnectionBuilder.WINRM_ENABLE_HTTPS, s.https());
        if (s.skipCertificateCheck()) {
            o.set(BaseCifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.ALLOW_ALL);
            o.set(BaseCifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.ALLOW_ALL);
        } else {
            // STRICT = the JVM's trust store only; BROWSER_COMPATIBLE = OverThere's default host name check.
            o.set(BaseCifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.STRICT);
            o.set(BaseCifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY, WinrmHttpsHostnameVerificationStrategy.BROWSER_COMPATIBLE);
        }

        if (s.auth() == WinRmSettings.Auth.KERBEROS) {
            WinRmSettings.Kerberos k = s.kerberos();
            o.set(BaseCifsConnectionBuilder.WINRM_KERBEROS_TICKET_CACHE, k.useTicketCache());
            o.set(BaseCifsConnectionBuilder.WINRM_KERBEROS_USE_HTTP_SPN, k.spnService() == WinRmSettings.SpnService.HTTP);
            o.set(BaseCifsConnectionBuilder.WINRM_KERBEROS_ADD_PORT_TO_SPN, k.addPortToSpn());
            o.set(BaseCifsConnectionBuilder.WINRM_USE_CANONICAL_HOSTNAME, k.useCanonicalHostname());
        }
        return o;
    }

    /** OverThere upper-cases a lower-case realm itself, but with a warning on every request; do it once here. */
    static String upperCaseRealm(String user) {
        int at = user.lastIndexOf('@');
        return user.substring(0, at + 1) + user.substring(at + 1).toUpperCase(Locale.ROOT);
    }

    /** xs:duration as WS-Management wants it, in OverThere's own format ("PT60.000S"). */
    static String xsDuration(Duration d) {
        long ms = d.toMillis();
        return String.format(Locale.ROOT, "PT%d.%03dS", ms / 1000, ms % 1000);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
