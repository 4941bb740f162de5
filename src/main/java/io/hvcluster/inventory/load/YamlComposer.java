package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problem;
import io.hvcluster.inventory.check.Problems;
import java.util.Iterator;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML text to one node tree, keeping marks. Syntax errors become one problem at the parser's position; the
 * parser cannot resume after one, so nothing else is checked then.
 */
final class YamlComposer {

    // Generous for an inventory, small enough to stop a "billion laughs" alias bomb.
    static final int MAX_ALIASES = 50;

    private YamlComposer() {
    }

    static Optional<Node> compose(String text, String sourceName, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(sourceName).setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(InventoryLoader.MAX_FILE_BYTES)
                .setAllowRecursiveKeys(false).setUseMarks(true).build();
        try {
            if (!YamlShapeCheck.check(text, settings, problems)) {
                return Optional.empty();
            }
            Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                problems.add(Problem.error("", 1, 1, "the inventory is empty; expected the sections cluster, "
                        + "networks, hosts and connection"));
                return Optional.empty();
            }
            Node root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                Anchor at = NodeValues.anchorOf(second, "");
                problems.add(at.error("a second YAML document (after ---); keep the whole inventory in one document"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            problems.add(Problem.error("", line, column, "invalid YAML: " + describe(e)));
        } catch (ReaderException e) {
            int[] lc = lineAndColumn(text, e.getPosition());
            problems.add(Problem.error("", lc[0], lc[1], String.format(
                    "invalid YAML: the character U+%04X is not allowed in YAML text", e.getCodePoint())));
        } catch (YamlEngineException e) {
            problems.add(Problem.error("", 1, 1, "invalid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The parser's own words, with the two mistakes admins make most often spelt out. */
    private static String describe(MarkedYamlEngineException e) {
        String problem = String.valueOf(e.getProblem());
        if (problem.contains("(TAB)") || problem.contains("\t")) {
            return "a tab character; YAML indents with spaces only";
        }
        if (problem.contains("mapping values are not allowed here")) {
            return "mapping values are not allowed here (check the indentation, or quote a value that contains "
                    + "': ')";
        }
        String context = e.getContext();
        return context == null ? problem : problem + " (" + context + ")";
    }

    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
