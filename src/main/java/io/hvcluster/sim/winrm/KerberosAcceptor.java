package io.hvcluster.sim.winrm;

import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The simulated WinRM service's Kerberos side: accepts {@code Authorization: Negotiate} tokens with Java's GSS-API
 * and the service key from a keytab, as a Windows host accepts them with its computer account's key
 * (shared/kerberos-on-loopback.md). It records whether the client delegated a credential (a forwarded TGT): that
 * is what makes the second hop work under {@code secondHop: delegation} (docs/second-hop.md).
 */
public final class KerberosAcceptor {

    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    /**
     * One accepted security context.
     *
     * @param principal  the client principal ("alice@EXAMPLE.TEST")
     * @param delegated  whether the client delegated a credential
     * @param forwardable whether the delegated TGT may be forwarded again
     * @param forwarded  whether the delegated TGT carries the FORWARDED flag
     * @param credential the delegated credential (for a test's own second hop), or null
     */
    public record Acceptance(String principal, boolean delegated, boolean forwardable, boolean forwarded, GSSCredential credential) {
    }

    private final Subject service;
    private final GSSCredential acceptorCredential;
    private final List<Acceptance> accepted = new ArrayList<>();

    private KerberosAcceptor(Subject service, GSSCredential acceptorCredential) {
        this.service = service;
        this.acceptorCredential = acceptorCredential;
    }

    /** Logs the service in from its keytab (no password, no prompt). The JVM's krb5.conf names the realm's KDC. */
    public static KerberosAcceptor fromKeytab(Path keytab, String servicePrincipal) {
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useKeyTab", "true", "keyTab", keytab.toAbsolutePath().toString(), "storeKey", "true",
                                "isInitiator", "false", "principal", servicePrincipal, "doNotPrompt", "true",
                                "refreshKrb5Config", "true"))};
            }
        };
        try {
            LoginContext login = new LoginContext("hvcluster-sim-acceptor", new Subject(), null, jaas);
            login.login();
            Subject subject = login.getSubject();
            GSSCredential credential = Subject.doAs(subject, (PrivilegedExceptionAction<GSSCredential>) () ->
                    GSSManager.getInstance().createCredential(null, GSSCredential.INDEFINITE_LIFETIME, new Oid[] {KRB5, SPNEGO},
                            GSSCredential.ACCEPT_ONLY));
            return new KerberosAcceptor(subject, credential);
        } catch (LoginException | PrivilegedActionException e) {
            throw new IllegalStateException("cannot log in " + servicePrincipal + " from " + keytab + ": " + e.getMessage(), e);
        }
    }

    /** The client's logon, or empty when the token is not a valid Kerberos/SPNEGO token for this service. */
    Optional<Acceptance> accept(byte[] token) {
        try {
            Acceptance a = Subject.doAs(service, (PrivilegedExceptionAction<Acceptance>) () -> {
                GSSContext context = GSSManager.getInstance().createContext(acceptorCredential);
                try {
                    context.acceptSecContext(token, 0, token.length);
                    if (!context.isEstablished()) {
                        return null;
                    }
                    String principal = context.getSrcName().toString();
                    GSSCredential delegated = context.getCredDelegState() ? context.getDelegCred() : null;
                    boolean forwardable = false;
                    boolean forwarded = false;
                    if (delegated != null) {
                        Subject holder = com.sun.security.jgss.GSSUtil.createSubject(context.getSrcName(), delegated);
                        for (KerberosTicket t : holder.getPrivateCredentials(KerberosTicket.class)) {
                            forwardable |= t.isForwardable();
                            forwarded |= t.isForwarded();
                        }
                    }
                    return new Acceptance(principal, delegated != null, forwardable, forwarded, delegated);
                } finally {
                    context.dispose();
                }
            });
            if (a == null) {
                return Optional.empty();
            }
            synchronized (accepted) {
                accepted.add(a);
            }
            return Optional.of(a);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Kerberos acceptor failed: " + e.getException().getMessage(), e.getException());
        }
    }

    /** Every context accepted so far, oldest first. */
    public List<Acceptance> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
