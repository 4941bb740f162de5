package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.check.KeySuggestion;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML map of the inventory: its keys with their positions, duplicate and unknown key detection, and typed
 * access to its values. Every problem is reported here, once, with the YAML path of the key or value.
 */
final class MappingReader {

    /** The one message for any attempt to write a password into the file; it never repeats the value. */
    static final String NO_PASSWORDS = "passwords never go in the inventory; set connection.password to "
            + "{ env: VARIABLE }, { stdin: true } or { prompt: true }";

    private record Entry(Anchor keyAt, Node value) {
    }

    private final Anchor at;
    private final Problems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private MappingReader(MappingNode node, Anchor at, Problems problems) {
        this.at = at;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Anchor keyAt = NodeValues.anchorOf(keyNode, at.path());
            if (!(keyNode instanceof ScalarNode key)) {
                problems.add(keyAt.error("a key must be plain text, found " + NodeValues.describe(keyNode)));
                continue;
            }
            Anchor childAt = NodeValues.anchorOf(keyNode, childPath(key.getValue()));
            Entry first = entries.get(key.getValue());
            if (first != null) {
                problems.add(childAt.error("duplicate key '" + ShownText.value(key.getValue()) + "' (first at "
                        + first.keyAt().lineText() + ")"));
                continue;
            }
            entries.put(key.getValue(), new Entry(childAt, tuple.getValueNode()));
        }
    }

    /** The map at {@code node}, or empty after reporting that something else was written there. */
    static Optional<MappingReader> of(Node node, Anchor at, Problems problems) {
        if (node instanceof MappingNode m) {
            return Optional.of(new MappingReader(m, at, problems));
        }
        problems.add(at.error("expected a map of keys and values, found " + NodeValues.describe(node)));
        return Optional.empty();
    }

    Anchor at() {
        return at;
    }

    String childPath(String key) {
        return at.path().isEmpty() ? key : at.path() + "." + key;
    }

    /** Reports every key not in {@code allowed}; {@code refusals} give a specific message for known mistakes. */
    void allowOnly(List<String> allowed, Map<String, String> refusals) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String key = e.getKey();
            if (allowed.contains(key)) {
                continue;
            }
            Anchor keyAt = e.getValue().keyAt();
            if (refusals.containsKey(key)) {
                problems.add(keyAt.error(refusals.get(key)));
            } else if (looksLikePassword(key)) {
                problems.add(keyAt.error(NO_PASSWORDS));
            } else {
                String hint = KeySuggestion.closest(key, allowed).map(k -> "; did you mean '" + ShownText.value(k) + "'?")
                        .orElse(" (allowed: " + String.join(", ", allowed) + ")");
                problems.add(keyAt.error("unknown key '" + ShownText.value(key) + "'" + hint));
            }
        }
    }

    void allowOnly(List<String> allowed) {
        allowOnly(allowed, Map.of());
    }

    /** For maps near secrets: an unknown key is reported without repeating it, in case it is the secret. */
    void allowOnlyQuietly(List<String> allowed) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(e.getValue().keyAt().withPath(at.path())
                        .error("unknown key; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    static boolean looksLikePassword(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("pass") || k.equals("pwd") || k.contains("secret") || k.contains("credential");
    }

    /** Keys in file order (for maps whose keys are names, such as a host's nics). */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Where {@code key} is written, for problems about the key itself. */
    Anchor keyAt(String key) {
        Entry e = entries.get(key);
        return e == null ? at.child(key) : e.keyAt();
    }

    /** The raw value node; empty when the key is absent or written without a value. */
    Optional<Node> node(String key) {
        Entry e = entries.get(key);
        if (e == null || NodeValues.isNull(e.value())) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    Anchor valueAt(String key) {
        Entry e = entries.get(key);
        return e == null ? at.child(key) : NodeValues.anchorOf(e.value(), childPath(key));
    }

    /** Reports a missing required key: at the key when written without a value, else at this map. */
    void reportMissing(String key) {
        Entry e = entries.get(key);
        problems.add((e == null ? at.child(key) : e.keyAt()).error("is required"));
    }

    Located<String> text(String key) {
        return read(key, NodeValues::text);
    }

    Located<String> requiredText(String key) {
        Located<String> v = text(key);
        if (v == null && node(key).isEmpty()) {
            reportMissing(key);
        }
        return v;
    }

    Located<Long> whole(String key) {
        return read(key, NodeValues::whole);
    }

    Located<Double> number(String key) {
        return read(key, NodeValues::number);
    }

    Located<Boolean> bool(String key) {
        return read(key, NodeValues::bool);
    }

    /** Required numbers: present and of the right type, or reported. */
    Located<Long> requiredWhole(String key) {
        if (node(key).isEmpty()) {
            reportMissing(key);
        }
        return whole(key);
    }

    Located<Double> requiredNumber(String key) {
        if (node(key).isEmpty()) {
            reportMissing(key);
        }
        return number(key);
    }

    /** The nested map under {@code key}, anchored at the key; empty when absent or not a map. */
    Optional<MappingReader> map(String key) {
        return node(key).flatMap(n -> of(n, keyAt(key), problems));
    }

    /** The items of the list under {@code key}, each anchored at its own position as {@code key[i]}. */
    List<Located<Node>> list(String key) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!(n.get() instanceof SequenceNode seq)) {
            problems.add(valueAt(key).error("expected a list, found " + NodeValues.describe(n.get())));
            return List.of();
        }
        List<Located<Node>> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            items.add(new Located<>(item, NodeValues.anchorOf(item, childPath(key) + "[" + i + "]")));
        }
        return items;
    }

    private <T> Located<T> read(String key, NodeReading<T> reading) {
        Optional<Node> n = node(key);
        return n.map(node -> reading.read(node, NodeValues.anchorOf(node, childPath(key)), problems)).orElse(null);
    }

    @FunctionalInterface
    private interface NodeReading<T> {
        Located<T> read(Node node, Anchor at, Problems problems);
    }
}
