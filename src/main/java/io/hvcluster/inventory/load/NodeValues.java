package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.check.Problems;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeType;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reading of single YAML nodes. A value of the wrong type is reported once, at the value, and reads as
 * absent, so the rules that need it stay silent instead of piling up follow-on errors.
 */
final class NodeValues {

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]{1,15}(\\.[0-9]*)?|\\.[0-9]+)");

    private NodeValues() {
    }

    static Anchor anchorOf(Node node, String path) {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(m -> new Anchor(path, m.getLine() + 1, m.getColumn() + 1)).orElse(new Anchor(path, 1, 1));
    }

    /** A YAML null ({@code key:} with nothing after it, {@code ~}, {@code null}) means "not given". */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.isPlain() && Tag.NULL.equals(s.getTag());
    }

    static Located<String> text(Node node, Anchor at, Problems problems) {
        if (node instanceof ScalarNode s) {
            return new Located<>(s.getValue(), at);
        }
        problems.add(at.error("expected a text value, found " + describe(node)));
        return null;
    }

    static Located<Long> whole(Node node, Anchor at, Problems problems) {
        if (node instanceof ScalarNode s && s.isPlain() && WHOLE.matcher(s.getValue()).matches()) {
            return new Located<>(Long.parseLong(s.getValue().replace("+", "")), at);
        }
        problems.add(at.error("expected a whole number, found " + describe(node)));
        return null;
    }

    static Located<Double> number(Node node, Anchor at, Problems problems) {
        if (node instanceof ScalarNode s && s.isPlain() && DECIMAL.matcher(s.getValue()).matches()) {
            return new Located<>(Double.parseDouble(s.getValue()), at);
        }
        problems.add(at.error("expected a number, found " + describe(node)));
        return null;
    }

    static Located<Boolean> bool(Node node, Anchor at, Problems problems) {
        if (node instanceof ScalarNode s && s.isPlain() && Tag.BOOL.equals(s.getTag())) {
            return new Located<>(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)), at);
        }
        problems.add(at.error("expected true or false, found " + describe(node)));
        return null;
    }

    /** How a value looks in a message: short scalars quoted, collections by kind. */
    static String describe(Node node) {
        if (node.getNodeType() == NodeType.MAPPING) {
            return "a map";
        }
        if (node.getNodeType() == NodeType.SEQUENCE) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        String shown = ShownText.value(v);
        return s.isPlain() ? "'" + shown + "'" : "the quoted text '" + shown + "'";
    }
}
