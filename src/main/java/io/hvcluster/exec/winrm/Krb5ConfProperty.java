package io.hvcluster.exec.winrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single, deliberate {@code System.setProperty} of hvcluster. Java's Kerberos reads its krb5.conf only from
 * the JVM-wide system property {@code java.security.krb5.conf} (it ignores KRB5_CONFIG), and OverThere 5.3.2
 * has no option for it. OverThere's JAAS configuration sets {@code refreshKrb5Config=true}, so setting the
 * property before the first request of a run is enough. Because the property is JVM-wide, every host of one
 * run must name the same file.
 *
 * <p>It is also how hvcluster decides whether a TGT is delegated. OverThere always asks for delegation
 * ({@code requestCredDeleg(true)}), and Java forwards the TGT exactly when it is forwardable, which Java takes from
 * krb5.conf's {@code [libdefaults] forwardable}. So for Kerberos hvcluster points Java at a copy of the admin's
 * krb5.conf (the krb5Conf setting, else the JVM's default file) with {@code forwardable} set for the run's second-hop
 * mechanism: true for delegation, false otherwise (docs/second-hop.md). The copy holds no secret.
 */
final class Krb5ConfProperty {

    static final String PROPERTY = "java.security.krb5.conf";
    private static final Map<String, Path> DERIVED = new ConcurrentHashMap<>();

    private Krb5ConfProperty() {
    }

    static synchronized void use(String hostName, Path conf) {
        use(hostName, conf, Optional.empty());
    }

    /** {@code copyOf}: the file {@code conf} was derived from, which the property may name already. */
    private static void use(String hostName, Path conf, Optional<Path> copyOf) {
        Path absolute = conf.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException(hostName + ": krb5.conf " + absolute + " does not exist");
        }
        String wanted = absolute.toString();
        String current = System.getProperty(PROPERTY);
        boolean ours = current != null && (DERIVED.containsValue(Path.of(current)) || copyOf.map(Path::toString).filter(current::equals).isPresent());
        if (current != null && !current.equals(wanted) && !ours) {
            throw new IllegalArgumentException(hostName + ": krb5.conf " + wanted + " differs from " + current
                    + ", which this run already uses; one JVM can use only one krb5.conf");
        }
        System.setProperty(PROPERTY, wanted);
    }

    /**
     * Points Java at a copy of {@code base} (or of the JVM's default krb5.conf when empty) whose
     * {@code [libdefaults] forwardable} is {@code forwardable}; the same inputs give the same file.
     */
    static synchronized Path useWithForwardable(String hostName, Optional<Path> base, boolean forwardable) {
        Optional<Path> source = base.map(p -> p.toAbsolutePath().normalize()).or(Krb5ConfProperty::jvmDefault);
        if (base.isPresent() && !Files.isRegularFile(source.get())) {
            throw new IllegalArgumentException(hostName + ": krb5.conf " + source.get() + " does not exist");
        }
        String key = source.map(Path::toString).orElse("") + "|" + forwardable;
        Path derived = DERIVED.computeIfAbsent(key, k -> write(source, forwardable));
        use(hostName, derived, source);
        return derived;
    }

    /** The file Java would read without the property: the property itself (unless it is one of ours), then the defaults. */
    private static Optional<Path> jvmDefault() {
        String current = System.getProperty(PROPERTY);
        if (current != null && !DERIVED.containsValue(Path.of(current))) {
            return Optional.of(Path.of(current));
        }
        List<Path> candidates = List.of(Path.of(System.getProperty("java.home"), "conf", "security", "krb5.conf"),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                        ? Path.of(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"), "krb5.ini") : Path.of("/etc/krb5.conf"));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static Path write(Optional<Path> source, boolean forwardable) {
        try {
            String text = source.isPresent() ? Files.readString(source.get(), StandardCharsets.UTF_8) : "";
            Path file = Files.createTempFile("hvcluster-krb5-", ".conf");
            file.toFile().deleteOnExit();
            Files.writeString(file, withForwardable(text, forwardable), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a krb5.conf for this run: " + e.getMessage(), e);
        }
    }

    /** The text with every {@code forwardable = ...} line dropped and {@code forwardable = X} first in [libdefaults]. */
    static String withForwardable(String text, boolean forwardable) {
        String setting = "    forwardable = " + forwardable;
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String line : text.split("\r?\n", -1)) {
            String t = line.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("forwardable") && t.substring("forwardable".length()).strip().startsWith("=")) {
                continue;
            }
            out.add(line);
            if (!placed && t.replace(" ", "").equals("[libdefaults]")) {
                out.add(setting);
                placed = true;
            }
        }
        String joined = String.join("\n", out);
        return placed ? joined : "[libdefaults]\n" + setting + "\n\n" + joined;
    }
}
