package io.hvcluster.inventory.load;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code connection:}. The password part never repeats what was written: whatever sits there may be the
 * password itself.
 */
final class ConnectionSectionReader {

    private static final List<String> KEYS = List.of("port", "https", "auth", "username", "password",
            "skipCertificateCheck", "connectTimeoutSeconds", "operationTimeoutSeconds", "allowPasswordOverHttp", "secondHop");
    private static final List<String> PASSWORD_KEYS = List.of("env", "stdin", "prompt");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String CHOOSE = "{ env: VARIABLE }, { stdin: true } or { prompt: true }";

    private final Problems problems;

    ConnectionSectionReader(Problems problems) {
        this.problems = problems;
    }

    ConnectionDocument read(MappingReader m) {
        m.allowOnly(KEYS);
        return new ConnectionDocument(m.at(), m.whole("port"), m.bool("https"),
                TypedText.choice(m.text("auth"), "auth method", TypedText.yamlNames(AuthMethod.values(),
                        AuthMethod::yamlName), AuthMethod::fromYaml, problems),
                m.requiredText("username"), password(m), m.bool("skipCertificateCheck"),
                m.whole("connectTimeoutSeconds"), m.whole("operationTimeoutSeconds"), m.bool("allowPasswordOverHttp"),
                TypedText.choice(m.text("secondHop"), "second-hop mechanism", TypedText.yamlNames(SecondHop.values(),
                        SecondHop::yamlName), SecondHop::fromYaml, problems));
    }

    private Located<PasswordSource> password(MappingReader m) {
        Optional<Node> node = m.node("password");
        if (node.isEmpty()) {
            m.reportMissing("password");
            return null;
        }
        Anchor at = m.valueAt("password");
        if (node.get() instanceof ScalarNode) {
            problems.add(at.error("must not hold the password itself; use " + CHOOSE));
            return null;
        }
        Optional<MappingReader> source = MappingReader.of(node.get(), at, problems);
        if (source.isEmpty()) {
            return null;
        }
        MappingReader p = source.get();
        p.allowOnlyQuietly(PASSWORD_KEYS);
        List<PasswordSource> chosen = new ArrayList<>();
        p.node("env").ifPresent(n -> environment(n, p.valueAt("env")).ifPresent(chosen::add));
        if (p.node("stdin").isPresent() && isTrue(p, "stdin")) {
            chosen.add(new PasswordSource.StandardInput());
        }
        if (p.node("prompt").isPresent() && isTrue(p, "prompt")) {
            chosen.add(new PasswordSource.Prompt());
        }
        long given = PASSWORD_KEYS.stream().filter(k -> p.node(k).isPresent()).count();
        if (given == 0) {
            problems.add(m.keyAt("password").error("give one of " + CHOOSE));
        } else if (given > 1) {
            problems.add(m.keyAt("password").error("give only one of env, stdin or prompt"));
        }
        return given == 1 && chosen.size() == 1 ? new Located<>(chosen.get(0), m.keyAt("password")) : null;
    }

    private Optional<PasswordSource> environment(Node node, Anchor at) {
        if (node instanceof ScalarNode s && VARIABLE.matcher(s.getValue()).matches()) {
            return Optional.of(new PasswordSource.Environment(s.getValue()));
        }
        problems.add(at.error("expected an environment variable name (letters, digits and underscores, not "
                + "starting with a digit)"));
        return Optional.empty();
    }

    private boolean isTrue(MappingReader p, String key) {
        Node n = p.node(key).orElseThrow();
        boolean isBool = n instanceof ScalarNode s && s.isPlain() && Tag.BOOL.equals(s.getTag());
        if (isBool && Boolean.parseBoolean(((ScalarNode) n).getValue().toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        problems.add(p.valueAt(key).error("expected true (to choose another source, use " + CHOOSE + ")"));
        return false;
    }
}
