package io.hvcluster.exec.winrm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The single, deliberate {@code System.setProperty} of hvcluster. Java's Kerberos reads its krb5.conf only from
 * the JVM-wide system property {@code java.security.krb5.conf} (it ignores KRB5_CONFIG), and OverThere 5.3.2
 * has no option for it. OverThere's JAAS configuration sets {@code refreshKrb5Config=true}, so setting the
 * property before the first request of a run is enough. Because the property is JVM-wide, every host of one
 * run must name the same file.
 */
final class Krb5ConfProperty {

    static final String PROPERTY = "java.security.krb5.conf";

    private Krb5ConfProperty() {
    }

    static synchronized void use(String hostName, Path conf) {
        Path absolute = conf.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException(hostName + ": krb5.conf " + absolute + " does not exist");
        }
        String wanted = absolute.toString();
        String current = System.getProperty(PROPERTY);
        if (current != null && !current.equals(wanted)) {
            throw new IllegalArgumentException(hostName + ": krb5.conf " + wanted + " differs from " + current
                    + ", which this run already uses; one JVM can use only one krb5.conf");
        }
        System.setProperty(PROPERTY, wanted);
    }
}
