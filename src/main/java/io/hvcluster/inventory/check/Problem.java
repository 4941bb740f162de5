package io.hvcluster.inventory.check;

import java.util.Comparator;

/**
 * One finding about an inventory, tied to where it is in the file.
 *
 * @param severity error or warning
 * @param path     the YAML path of the field at fault ("hosts[2].nics.Cluster.ip"); empty for YAML syntax errors
 * @param line     1-based line
 * @param column   1-based column
 * @param message  one line, naming what is wrong and, where possible, what to write instead
 */
public record Problem(Severity severity, String path, int line, int column, String message) {

    /** File order: what an admin reads top to bottom. Ties keep the order the rules ran in (stable sort). */
    public static final Comparator<Problem> BY_POSITION =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    public static Problem error(String path, int line, int column, String message) {
        return new Problem(Severity.ERROR, path, line, column, message);
    }

    public static Problem warning(String path, int line, int column, String message) {
        return new Problem(Severity.WARNING, path, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error: PATH: MESSAGE}, the form editors and CI logs turn into links. */
    public String format(String file) {
        // Escaped here as well as where values are quoted: whatever a rule echoes stays on one harmless line.
        String where = path.isEmpty() ? "" : ShownText.line(path) + ": ";
        return ShownText.escaped(file) + ":" + line + ":" + column + ": " + severity.label() + ": " + where
                + ShownText.line(message);
    }
}
