package io.hvcluster.inventory.check;

/**
 * How text from a file or a command line appears inside a message: control characters escaped (a newline
 * must not split one problem over two lines; ESC and BEL must never reach the terminal) and long values cut,
 * so one hostile value cannot produce a megabyte line.
 */
public final class ShownText {

    /** Longest value quoted in a message; enough to recognise any name or address an inventory holds. */
    public static final int VALUE_CHARS = 40;
    /** Longest whole message line. */
    public static final int MESSAGE_CHARS = 400;

    private ShownText() {
    }

    /** {@code text} with every control character written as an escape ({@code \n}, {@code \u001B}). */
    public static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escapeOf(c);
            if (escape != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A value as quoted in a message: escaped and cut to {@link #VALUE_CHARS} characters. */
    public static String value(String text) {
        return cut(escaped(text), VALUE_CHARS);
    }

    /** A whole message line: escaped and cut to {@link #MESSAGE_CHARS} characters. */
    public static String line(String text) {
        return cut(escaped(text), MESSAGE_CHARS);
    }

    /** Whether {@code text} holds a control character (C0, DEL or C1), with its index, or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : null;
        }
    }
}
