package io.hvcluster.sim.winrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How cmd.exe reads a command line: the {@code /c} outer-quote rule, {@code ^} escapes and command chaining. */
final class CmdQuoting {

    private static final String SPECIAL = "&<>()@^|";

    private CmdQuoting() {
    }

    /**
     * The quote processing of {@code cmd /c} without {@code /S} ({@code cmd /?}): the quotes are kept only when
     * there are exactly two, nothing special between them, some whitespace between them and the text between
     * them names an executable; otherwise the first character, if a quote, and the last quote are removed. This
     * is what turns OverThere's {@code "powershell -Command "x""} back into {@code powershell -Command "x"}.
     */
    static String stripOuterQuotes(String line) {
        String s = line.stripLeading();
        if (!s.startsWith("\"")) {
            return line;
        }
        int quotes = (int) s.chars().filter(c -> c == '"').count();
        if (quotes == 2) {
            int close = s.indexOf('"', 1);
            String inner = s.substring(1, close);
            boolean special = inner.chars().anyMatch(c -> SPECIAL.indexOf(c) >= 0);
            boolean space = inner.chars().anyMatch(Character::isWhitespace);
            if (!special && space && inner.toLowerCase(Locale.ROOT).strip().endsWith(".exe")) {
                return s;
            }
        }
        int last = s.lastIndexOf('"');
        return s.substring(1, last) + s.substring(last + 1);
    }

    /** One command of a chain and the operator that precedes it ({@code null} for the first). */
    record Link(String operator, String command) {
    }

    /** Splits at unquoted {@code &}, {@code &&} and {@code ||}, resolving {@code ^} escapes outside quotes. */
    static List<Link> chain(String line) {
        List<Link> links = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String operator = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (!quoted && c == '^' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (!quoted && c == '&' && !redirection(current)) {
                links.add(new Link(operator, current.toString()));
                current.setLength(0);
                boolean dbl = i + 1 < line.length() && line.charAt(i + 1) == '&';
                operator = dbl ? "&&" : "&";
                i += dbl ? 1 : 0;
            } else if (!quoted && c == '|' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                links.add(new Link(operator, current.toString()));
                current.setLength(0);
                operator = "||";
                i++;
            } else {
                current.append(c);
            }
        }
        links.add(new Link(operator, current.toString()));
        return links;
    }

    /** True when an {@code &} at this point belongs to a {@code >&2} / {@code 2>&1} redirection. */
    private static boolean redirection(StringBuilder before) {
        return before.length() > 0 && before.charAt(before.length() - 1) == '>';
    }

    /** Splits arguments the way CommandLineToArgvW does for ordinary text: whitespace separates, quotes group. */
    static List<String> arguments(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inArg = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                int n = 0;
                while (i < text.length() && text.charAt(i) == '\\') {
                    n++;
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '"') {
                    cur.append("\\".repeat(n / 2));
                    if (n % 2 == 1) {
                        cur.append('"');
                    } else {
                        quoted = !quoted;
                    }
                } else {
                    cur.append("\\".repeat(n));
                    i--;
                }
                inArg = true;
            } else if (c == '"') {
                quoted = !quoted;
                inArg = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inArg) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            out.add(cur.toString());
        }
        return out;
    }
}
