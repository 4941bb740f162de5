package io.hvcluster.inventory.load;

import io.hvcluster.inventory.ExternalWitness;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code cluster.fileShareWitness} and {@code cluster.cloudWitness}. The cloud witness's access key is a
 * secret like the domain password: only {@code { env: VARIABLE }} is accepted, and what is written in its place is
 * never repeated in a message.
 */
final class WitnessSectionReader {

    static final String FILE_SHARE = "fileShareWitness";
    static final String CLOUD = "cloudWitness";
    private static final List<String> CLOUD_KEYS = List.of("accountName", "accessKey", "endpoint");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** \\server\share, optionally with a folder below the share; no wildcard or quote characters. */
    private static final Pattern UNC = Pattern.compile("\\\\\\\\[A-Za-z0-9._-]+(\\\\[^\\\\/:*?\"<>|]+)+");
    /** Azure storage account names: 3-24 lower-case letters and digits. */
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final Problems problems;

    WitnessSectionReader(Problems problems) {
        this.problems = problems;
    }

    /** Every external witness written, in file order (more than one is reported by QuorumRules). */
    List<ExternalWitnessDocument> read(MappingReader cluster) {
        List<ExternalWitnessDocument> out = new ArrayList<>();
        if (cluster.node(FILE_SHARE).isPresent()) {
            out.add(new ExternalWitnessDocument(cluster.keyAt(FILE_SHARE), fileShare(cluster).orElse(null)));
        }
        if (cluster.node(CLOUD).isPresent()) {
            out.add(new ExternalWitnessDocument(cluster.keyAt(CLOUD), cloud(cluster).orElse(null)));
        }
        return out;
    }

    private Optional<ExternalWitness> fileShare(MappingReader cluster) {
        Located<String> path = cluster.text(FILE_SHARE);
        if (path == null) {
            return Optional.empty();
        }
        if (!UNC.matcher(path.value()).matches()) {
            problems.add(path.error("expected a UNC path \\\\server\\share (a share on a server outside the cluster)"));
            return Optional.empty();
        }
        return Optional.of(new ExternalWitness.FileShare(path.value()));
    }

    private Optional<ExternalWitness> cloud(MappingReader cluster) {
        Optional<MappingReader> read = cluster.map(CLOUD);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        MappingReader m = read.get();
        m.allowOnlyQuietly(CLOUD_KEYS);
        Located<String> account = m.requiredText("accountName");
        if (account != null && !ACCOUNT.matcher(account.value()).matches()) {
            problems.add(account.error("an Azure storage account name is 3 to 24 lower-case letters and digits"));
            account = null;
        }
        Located<String> endpoint = m.text("endpoint");
        if (endpoint != null && !ENDPOINT.matcher(endpoint.value()).matches()) {
            problems.add(endpoint.error("expected a DNS suffix such as core.windows.net"));
            endpoint = null;
        }
        Optional<PasswordSource.Environment> key = accessKey(m);
        if (account == null || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalWitness.Cloud(account.value(),
                endpoint == null ? ExternalWitness.Cloud.DEFAULT_ENDPOINT : endpoint.value(), key.get()));
    }

    /** { env: VARIABLE } only: the key never sits in the file, and is never read from a prompt mid-run. */
    private Optional<PasswordSource.Environment> accessKey(MappingReader m) {
        Optional<Node> node = m.node("accessKey");
        if (node.isEmpty()) {
            m.reportMissing("accessKey");
            return Optional.empty();
        }
        Anchor at = m.valueAt("accessKey");
        if (node.get() instanceof ScalarNode) {
            problems.add(at.error("must not hold the access key itself; use { env: VARIABLE }"));
            return Optional.empty();
        }
        Optional<MappingReader> source = MappingReader.of(node.get(), at, problems);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        source.get().allowOnlyQuietly(List.of("env"));
        Optional<Node> env = source.get().node("env");
        if (env.isPresent() && env.get() instanceof ScalarNode s && VARIABLE.matcher(s.getValue()).matches()) {
            return Optional.of(new PasswordSource.Environment(s.getValue()));
        }
        problems.add(m.keyAt("accessKey").error("give { env: VARIABLE }: the name of an environment variable (letters, "
                + "digits and underscores, not starting with a digit) that holds the storage account's access key"));
        return Optional.empty();
    }

    /** @param value null when unreadable (already reported) */
    record ExternalWitnessDocument(Anchor at, ExternalWitness value) {
    }
}
