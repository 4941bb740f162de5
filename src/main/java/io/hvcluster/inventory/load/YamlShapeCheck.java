package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problem;
import io.hvcluster.inventory.check.Problems;
import io.hvcluster.inventory.check.ShownText;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Limits checked on the parser's event stream before any tree is built, so hostile YAML costs little and never
 * reaches the recursive composer: nesting depth (1,500 levels overflowed its stack), scalar length, tags other
 * than the core schema's (an unknown {@code !env} was silently dropped), and control characters in values
 * (a YAML escape like {@code "\e"} puts ESC into a name that plan would print raw). The parser itself is a state
 * machine with its own stack, so scanning is safe at any depth. docs/inventory.md lists the limits.
 */
final class YamlShapeCheck {

    /** An inventory nests five levels deep (hosts, a host, nics, a NIC, a value); 32 leaves room and stops bombs. */
    static final int MAX_DEPTH = 32;
    /** The longest value an inventory needs is a DNS name (253 characters). */
    static final int MAX_SCALAR_CHARS = 1024;
    /** Stop listing after this many problems of one scan: the file is not an inventory. */
    private static final int MAX_PROBLEMS = 20;

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("!", CORE + "str", CORE + "int", CORE + "float",
            CORE + "bool", CORE + "null", CORE + "map", CORE + "seq");

    private YamlShapeCheck() {
    }

    /** Adds a problem for each violation; true when the text may be composed. */
    static boolean check(String text, LoadSettings settings, Problems problems) {
        int depth = 0;
        int found = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            Optional<String> problem = Optional.empty();
            if (e instanceof CollectionStartEvent c) {
                depth++;
                if (depth > MAX_DEPTH) {
                    problems.add(at(e, "nesting deeper than " + MAX_DEPTH + " levels; an inventory needs five"));
                    return false;
                }
                problem = tagProblem(c.getTag());
            } else if (e.getEventId() == Event.ID.MappingEnd || e.getEventId() == Event.ID.SequenceEnd) {
                depth--;
            } else if (e instanceof ScalarEvent s) {
                problem = scalarProblem(s);
            }
            if (problem.isPresent()) {
                problems.add(at(e, problem.get()));
                if (++found >= MAX_PROBLEMS) {
                    return false;
                }
            }
        }
        return found == 0;
    }

    private static Optional<String> scalarProblem(ScalarEvent s) {
        String value = s.getValue();
        if (value.length() > MAX_SCALAR_CHARS) {
            return Optional.of("a value of " + value.length() + " characters; values in an inventory have at most "
                    + MAX_SCALAR_CHARS);
        }
        int control = ShownText.firstControl(value);
        if (control >= 0) {
            return Optional.of(String.format("'%s' holds the control character U+%04X; names, labels and "
                    + "addresses are plain text", ShownText.value(value), (int) value.charAt(control)));
        }
        return tagProblem(s.getTag());
    }

    private static Optional<String> tagProblem(Optional<String> tag) {
        if (tag.isEmpty() || CORE_TAGS.contains(tag.get())) {
            return Optional.empty();
        }
        String shown = tag.get().startsWith(CORE) ? "!!" + tag.get().substring(CORE.length()) : tag.get();
        String hint = shown.equals("!env") ? "; a password from the environment is written { env: VARIABLE }"
                : "; hvcluster reads plain YAML values only";
        return Optional.of("unknown tag '" + ShownText.value(shown) + "'" + hint);
    }

    private static Problem at(Event e, String message) {
        Optional<Mark> mark = e.getStartMark();
        return Problem.error("", mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                message);
    }
}
