package io.hvcluster.exec.winrm;

import com.xebialabs.overthere.winrm.WinRmRuntimeIOException;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.ExecutionException.Kind;
import io.hvcluster.secrets.SecretMasker;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.login.LoginException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Turns what OverThere 5.3.2 throws into an {@link ExecutionException} with one line a Windows admin can act
 * on. OverThere wraps everything in {@code WinRmRuntimeIOException} (or its parent RuntimeIOException), so the
 * decision is made on the types in the cause chain; only where OverThere keeps no type (an HTTP status, a
 * Kerberos error code) is the message text read. Messages name no secret and carry no stack trace; the
 * cause attached is a {@link SanitizedCause}.
 */
final class WinRmFailureClassifier {

    private static final Pattern HTTP_STATUS = Pattern.compile("Unexpected HTTP response on (\\S+):\\s+(.*)\\((\\d{3})\\)\\s*$");
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error):\\s*");
    private static final Pattern KERBEROS_CODE = Pattern.compile("\\((\\d{1,2})\\)");

    private final WinRmSettings settings;

    WinRmFailureClassifier(WinRmSettings settings) {
        this.settings = settings;
    }

    ExecutionException classify(Throwable failure, String activity, SecretMasker masker) {
        return classify(failure, activity, masker, false);
    }

    /**
     * @param starting the failure came from starting the command (shell and command creation), not from reading it
     */
    ExecutionException classify(Throwable failure, String activity, SecretMasker masker, boolean starting) {
        Classified c = decide(failure, activity);
        boolean faultAnswer = c.kind() == Kind.PROTOCOL_FAULT && c.message().contains("(HTTP 500)");
        boolean reset = c.kind() == Kind.CONNECTION_LOST;
        // Not started, provably: nothing was connected to; or the host answered the start with a fault (WinRM creates
        // no command when it faults the request); or the connection broke while the shell was being created, before
        // the command request was sent (OverThere creates the shell, then the command, in startProcess).
        boolean notStarted = starting && (c.kind() == Kind.UNREACHABLE || faultAnswer || (reset && inShellCreation(failure)));
        return new ExecutionException(settings.hostName(), c.kind(), masker.mask(c.message()), SanitizedCause.of(failure, masker),
                faultAnswer || reset, notStarted);
    }

    private static boolean inShellCreation(Throwable failure) {
        boolean shell = false;
        for (Throwable t : chain(failure)) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().endsWith("WinRmClient")) {
                    if (e.getMethodName().equals("executeCommand")) {
                        return false;
                    }
                    shell |= e.getMethodName().equals("createShell");
                }
            }
        }
        return shell;
    }

    private record Classified(Kind kind, String message) {
    }

    private Classified decide(Throwable failure, String activity) {
        List<Throwable> chain = chain(failure);
        String host = settings.hostName();
        String reach = "cannot reach " + host + " at " + settings.endpoint() + ": ";
        String winrmHint = " — is WinRM enabled (winrm quickconfig / Enable-PSRemoting) and the firewall open for TCP "
                + settings.port() + "?";

        Optional<Throwable> cert = find(chain, CertificateException.class, CertPathBuilderException.class,
                CertPathValidatorException.class, SSLPeerUnverifiedException.class);
        if (cert.isPresent() || (first(chain, SSLHandshakeException.class).isPresent() && mentionsCertificate(chain))) {
            String why = SanitizedCause.firstLine(cert.orElseGet(() -> first(chain, SSLHandshakeException.class).get()));
            return new Classified(Kind.CERTIFICATE_REJECTED, "cannot trust the HTTPS certificate of " + host + " at "
                    + settings.address() + ":" + settings.port() + " (" + shorten(why) + ")"
                    + " — add the issuing CA to the Java trust store and make the certificate name match the address,"
                    + " or for a lab only set skipCertificateCheck: true in the inventory's connection");
        }
        if (first(chain, UnknownHostException.class).isPresent()) {
            return new Classified(Kind.UNREACHABLE, reach + "unknown host"
                    + " — check the address in the inventory and that this machine's DNS resolves it");
        }
        if (first(chain, ConnectTimeoutException.class).isPresent() || connectTimedOut(chain)) {
            return new Classified(Kind.UNREACHABLE, reach + "no answer within " + seconds(settings.connectTimeout().toMillis())
                    + winrmHint.replace("is WinRM", "is the host up, is WinRM"));
        }
        if (first(chain, NoRouteToHostException.class).isPresent()) {
            return new Classified(Kind.UNREACHABLE, reach + "no route to host — is the host up and the address right?");
        }
        if (first(chain, ConnectException.class).isPresent()) {
            return new Classified(Kind.UNREACHABLE, reach + "connection refused" + winrmHint);
        }
        Optional<Throwable> login = first(chain, LoginException.class);
        if (login.isPresent()) {
            return new Classified(Kind.AUTHENTICATION_FAILED, kerberosLogin(SanitizedCause.firstLine(login.get())));
        }
        Optional<Throwable> ssl = first(chain, SSLException.class);
        if (ssl.isPresent()) {
            return new Classified(Kind.PROTOCOL_FAULT, "TLS with " + host + " at " + settings.endpoint() + " failed ("
                    + shorten(SanitizedCause.firstLine(ssl.get())) + ") — is port " + settings.port()
                    + " the HTTPS listener (winrm enumerate winrm/config/listener)?");
        }
        Optional<Throwable> lost = find(chain, SocketException.class, NoHttpResponseException.class, EOFException.class,
                SocketTimeoutException.class, org.apache.http.ConnectionClosedException.class,
                org.apache.http.TruncatedChunkException.class);
        if (lost.isPresent()) {
            String why = lost.get() instanceof SocketTimeoutException
                    ? "no answer within " + seconds(settings.operationTimeout().plus(OverthereOptions.READ_MARGIN).toMillis())
                    : lost.get() instanceof NoHttpResponseException ? "the host closed the connection without answering"
                    : shorten(SanitizedCause.firstLine(lost.get())).toLowerCase(Locale.ROOT);
            return new Classified(Kind.CONNECTION_LOST, "lost the connection to " + host + " at " + settings.endpoint()
                    + " while " + activity + " (" + why + ") — the host may be rebooting, or the network dropped");
        }
        for (Throwable t : chain) {
            Matcher m = HTTP_STATUS.matcher(SanitizedCause.firstLine(t));
            if (t instanceof WinRmRuntimeIOException && m.find()) {
                return httpStatus(Integer.parseInt(m.group(3)), m.group(2).strip());
            }
        }
        for (Throwable t : chain) {
            String line = SanitizedCause.firstLine(t);
            if (t instanceof WinRmRuntimeIOException && line.contains("Unexpected content-type")) {
                return new Classified(Kind.PROTOCOL_FAULT, host + " at " + settings.url()
                        + " answered something other than WS-Management — is this the WinRM listener (path /wsman)?");
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return new Classified(Kind.PROTOCOL_FAULT, "WinRM exchange with " + host + " at " + settings.endpoint()
                + " failed while " + activity + ": " + shorten(SanitizedCause.firstLine(root)) + " — run with -v for details");
    }

    private Classified httpStatus(int status, String reason) {
        String host = settings.hostName();
        if (status == 401) {
            if (settings.auth() == WinRmSettings.Auth.KERBEROS) {
                String spn = settings.kerberos().spnService() + "/" + settings.address();
                return new Classified(Kind.AUTHENTICATION_FAILED, host + " refused the Kerberos login of '"
                        + settings.username() + "' (HTTP 401) — check that the SPN " + spn
                        + " exists (setspn -Q " + spn + "), that the address is the host's DNS name rather than an IP"
                        + " address, and use HTTPS: Windows refuses Kerberos over plain HTTP unless AllowUnencrypted is on");
            }
            return new Classified(Kind.AUTHENTICATION_FAILED, host + " refused user '" + settings.username()
                    + "' with Basic authentication (HTTP 401) — check user and password; Basic works only for local"
                    + " accounts and must be enabled (winrm set winrm/config/service/Auth @{Basic=\"true\"})"
                    + (settings.https() ? "" : ", over HTTP also AllowUnencrypted=\"true\"")
                    + "; domain accounts need Kerberos with user@REALM over HTTPS");
        }
        if (status == 500) {
            // OverThere 5.3.2 keeps only the status, not the fault's code, so the hint names where the code is. Not the
            // operation timeout: every hvcluster command writes heartbeats well within it (docs/transport.md).
            return new Classified(Kind.PROTOCOL_FAULT, host + " answered a WS-Management fault (HTTP 500)"
                    + " — the WinRM service refused the request: it is restarting or busy, or a quota is reached"
                    + " (MaxShellsPerUser, MaxConcurrentOperationsPerUser, MaxMemoryPerShellMB); the fault's code is in the"
                    + " host's Microsoft-Windows-WinRM/Operational event log");
        }
        if (status == 413) {
            return new Classified(Kind.PROTOCOL_FAULT, host + " refused a request as too large (HTTP 413) — raise"
                    + " MaxEnvelopeSizekb (winrm set winrm/config @{MaxEnvelopeSizekb=\"500\"})");
        }
        return new Classified(Kind.PROTOCOL_FAULT, host + " answered HTTP " + status + " " + reason + " at "
                + settings.url() + " — is this the WinRM listener?");
    }

    private String kerberosLogin(String detail) {
        String user = settings.username();
        String host = settings.hostName();
        String prefix = "Kerberos login of '" + user + "' for " + host + " failed: ";
        String d = detail.toLowerCase(Locale.ROOT);
        Matcher m = KERBEROS_CODE.matcher(detail);
        int code = -1;
        while (m.find()) {
            code = Integer.parseInt(m.group(1));
        }
        if (code == 24 || d.contains("preauth") || d.contains("pre-authentication")) {
            return prefix + "wrong password (PREAUTH_FAILED) — check the password of " + user;
        }
        if (code == 6 || d.contains("client not found")) {
            return prefix + "the KDC does not know this user (C_PRINCIPAL_UNKNOWN) — check the user name and that the"
                    + " realm after @ is the Active Directory domain in upper case";
        }
        if (code == 18 || d.contains("revoked")) {
            return prefix + "the account is disabled or locked (CLIENT_REVOKED)";
        }
        if (code == 37 || d.contains("clock skew")) {
            return prefix + "clocks differ by more than 5 minutes (KRB_AP_ERR_SKEW) — sync this machine's time";
        }
        if (d.contains("kdc") || d.contains("realm")) {
            return prefix + shorten(detail) + " — check krb5.conf (default_realm, [realms] kdc) and that the KDC is reachable";
        }
        return prefix + shorten(detail) + " — check the user (user@REALM), the password and krb5.conf";
    }

    private static boolean mentionsCertificate(List<Throwable> chain) {
        for (Throwable t : chain) {
            String line = SanitizedCause.firstLine(t).toLowerCase(Locale.ROOT);
            if (line.contains("certif") || line.contains("pkix")) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectTimedOut(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException && SanitizedCause.firstLine(t).toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Drops Java class names ("javax.net.ssl.SSLHandshakeException: ") from a reason and keeps it short. */
    private static String shorten(String s) {
        String plain = CLASS_PREFIX.matcher(s).replaceAll("").strip();
        return plain.length() <= 160 ? plain : plain.substring(0, 157) + "...";
    }

    static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    private static Optional<Throwable> first(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().filter(type::isInstance).findFirst();
    }

    @SafeVarargs
    private static Optional<Throwable> find(List<Throwable> chain, Class<? extends Throwable>... types) {
        for (Throwable t : chain) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }
}
