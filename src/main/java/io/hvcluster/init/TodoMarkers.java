package io.hvcluster.init;

import java.util.ArrayList;
import java.util.List;

/**
 * The values {@code hvcluster init} left for the admin: lines with a {@value #MARK} comment whose value is still
 * {@code ~} (once filled in, the comment may stay). {@code validate} lists them first, by line, so the admin sees what is left to choose and not only the errors the empty values cause.
 */
public final class TodoMarkers {

    public static final String MARK = "TODO(init)";

    /** A value still left as {@code ~}: "name: ~", "{ mac: ~ }", "network: ~ }". */
    private static final java.util.regex.Pattern EMPTY_VALUE = java.util.regex.Pattern.compile(":\\s+(~)(?=\\s*(?:,|}|$))");

    /** One value left to fill: its 1-based line and column (of the value), and what to put there. */
    public record Todo(int line, int column, String what) {
    }

    private TodoMarkers() {
    }

    public static List<Todo> find(String yamlText) {
        List<Todo> todos = new ArrayList<>();
        String[] lines = yamlText.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int mark = l.indexOf("# " + MARK + ":");
            if (mark < 0) {
                continue;
            }
            String code = l.substring(0, mark);
            if (code.isBlank()) {
                continue; // a marker in a comment line of the admin's own is not a value
            }
            java.util.regex.Matcher empty = EMPTY_VALUE.matcher(code);
            if (!empty.find()) {
                continue; // filled in: the comment may stay, the value is there now
            }
            int column = empty.start(1) + 1;
            todos.add(new Todo(i + 1, column, l.substring(mark + MARK.length() + 4).strip()));
        }
        return todos;
    }
}
