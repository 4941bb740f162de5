package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.LoadBalancePolicy;
import io.hvcluster.inventory.MpioMode;
import io.hvcluster.inventory.StorageKind;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the optional {@code storage:} section. The CHAP secret part never repeats what was written: whatever sits
 * there may be the secret itself.
 */
final class StorageSectionReader {

    private static final List<String> KEYS = List.of("kind", "targets", "chap", "mpio", "loadBalancePolicy");
    private static final List<String> TARGET_KEYS = List.of("portals", "iqn");
    private static final List<String> CHAP_KEYS = List.of("username", "secret");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String SECRET_FORM = "{ env: VARIABLE }";

    private final Problems problems;

    StorageSectionReader(Problems problems) {
        this.problems = problems;
    }

    StorageDocument read(MappingReader m) {
        m.allowOnly(KEYS);
        if (m.node("kind").isEmpty()) {
            m.reportMissing("kind");
        }
        Located<StorageKind> kind = TypedText.choice(m.text("kind"), "storage kind",
                TypedText.yamlNames(StorageKind.values(), StorageKind::yamlName), StorageKind::fromYaml, problems);
        List<StorageDocument.TargetDocument> targets = new ArrayList<>();
        for (Located<Node> item : m.list("targets")) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(t -> targets.add(target(t)));
        }
        Anchor targetsAt = m.node("targets").isPresent() ? m.keyAt("targets") : null;
        StorageDocument.ChapDocument chap = m.node("chap").isPresent() ? chap(m) : null;
        Located<MpioMode> mpio = TypedText.choice(m.text("mpio"), "mpio setting",
                TypedText.yamlNames(MpioMode.values(), MpioMode::yamlName), MpioMode::fromYaml, problems);
        Located<LoadBalancePolicy> policy = TypedText.choice(m.text("loadBalancePolicy"), "load-balance policy",
                TypedText.yamlNames(LoadBalancePolicy.values(), LoadBalancePolicy::windowsName), LoadBalancePolicy::fromYaml, problems);
        return new StorageDocument(m.at(), kind, targetsAt, targets, chap, mpio, policy);
    }

    private StorageDocument.TargetDocument target(MappingReader t) {
        t.allowOnly(TARGET_KEYS);
        List<Located<Ipv4>> portals = new ArrayList<>();
        if (t.node("portals").isEmpty()) {
            t.reportMissing("portals");
        }
        for (Located<Node> p : t.list("portals")) {
            Located<Ipv4> ip = TypedText.ipv4(NodeValues.text(p.value(), p.at(), problems), problems);
            if (ip != null) {
                portals.add(ip);
            }
        }
        return new StorageDocument.TargetDocument(t.at(), t.node("portals").isPresent() ? t.keyAt("portals") : null,
                portals, t.text("iqn"));
    }

    private StorageDocument.ChapDocument chap(MappingReader m) {
        Optional<MappingReader> c = m.map("chap");
        if (c.isEmpty()) {
            return null;
        }
        MappingReader chap = c.get();
        chap.allowOnlyQuietly(CHAP_KEYS);
        Located<String> username = chap.requiredText("username");
        Optional<Node> secret = chap.node("secret");
        if (secret.isEmpty()) {
            chap.reportMissing("secret");
            return new StorageDocument.ChapDocument(chap.at(), username, null);
        }
        Anchor at = chap.valueAt("secret");
        if (secret.get() instanceof ScalarNode) {
            problems.add(at.error("must not hold the CHAP secret itself; use " + SECRET_FORM));
            return new StorageDocument.ChapDocument(chap.at(), username, null);
        }
        Optional<MappingReader> source = MappingReader.of(secret.get(), at, problems);
        if (source.isEmpty()) {
            return new StorageDocument.ChapDocument(chap.at(), username, null);
        }
        source.get().allowOnlyQuietly(List.of("env"));
        Optional<Node> env = source.get().node("env");
        if (env.isEmpty()) {
            problems.add(chap.keyAt("secret").error("give " + SECRET_FORM));
            return new StorageDocument.ChapDocument(chap.at(), username, null);
        }
        if (env.get() instanceof ScalarNode s && VARIABLE.matcher(s.getValue()).matches()) {
            return new StorageDocument.ChapDocument(chap.at(), username, new Located<>(s.getValue(), source.get().valueAt("env")));
        }
        problems.add(source.get().valueAt("env").error("expected an environment variable name (letters, digits and underscores, "
                + "not starting with a digit)"));
        return new StorageDocument.ChapDocument(chap.at(), username, null);
    }
}
