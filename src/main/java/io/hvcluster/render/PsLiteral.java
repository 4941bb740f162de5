package io.hvcluster.render;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way a value enters a PowerShell script: as a literal that PowerShell reads back as exactly that
 * value, never as code. Strings become single-quoted literals in which every character PowerShell treats as
 * a single quote (' and the Unicode quotes U+2018, U+2019, U+201A, U+201B) is doubled; nothing else is
 * special inside single quotes, so `$(...)`, backticks, double quotes, semicolons and newlines stay text.
 * Records become ordered hashtables, collections arrays, booleans $true/$false, numbers digits.
 */
public final class PsLiteral {

    /** Variable and hashtable key names come from Java code, never from the inventory; still, be strict. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PsLiteral() {
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSingleQuote(c)) {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** The characters PowerShell's tokenizer accepts as a single quote (CharExtensions.IsSingleQuote). */
    static boolean isSingleQuote(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
    }

    /** A literal for any supported value, rendered on one line. */
    public static String of(Object value) {
        return render(value, -1);
    }

    /**
     * A literal that may span lines: arrays of hashtables put one element per line, indented, so a reviewer
     * reads them like a table.
     */
    public static String block(Object value) {
        return render(value, 0);
    }

    private static String render(Object value, int indent) {
        if (value == null) {
            return "$null";
        }
        if (value instanceof Optional<?> o) {
            return o.isPresent() ? render(o.get(), indent) : "$null";
        }
        if (value instanceof CharSequence s) {
            return quote(s.toString());
        }
        if (value instanceof Boolean b) {
            return b ? "$true" : "$false";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return quote(e.name());
        }
        if (value instanceof Collection<?> c) {
            return array(c, indent);
        }
        if (value instanceof Map<?, ?> m) {
            return map(m, indent);
        }
        if (value instanceof Record r) {
            return record(r, indent);
        }
        // Doubles, dates and arbitrary objects have culture-dependent or ambiguous forms: refuse them loudly.
        throw new IllegalArgumentException("no PowerShell literal for " + value.getClass().getName());
    }

    private static String array(Collection<?> c, int indent) {
        if (c.isEmpty()) {
            return "@()";
        }
        boolean multiline = indent >= 0 && c.stream().anyMatch(e -> e instanceof Record || e instanceof Map);
        StringBuilder sb = new StringBuilder("@(");
        if (multiline) {
            String pad = "    ".repeat(indent + 1);
            for (Object e : c) {
                sb.append("\r\n").append(pad).append(render(e, -1));
            }
            sb.append("\r\n").append("    ".repeat(indent)).append(')');
            return sb.toString();
        }
        boolean first = true;
        for (Object e : c) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(render(e, -1));
        }
        return sb.append(')').toString();
    }

    private static String map(Map<?, ?> m, int indent) {
        StringBuilder sb = new StringBuilder("[ordered]@{");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(first ? " " : "; ");
            first = false;
            sb.append(quote(String.valueOf(e.getKey()))).append(" = ").append(render(e.getValue(), -1));
        }
        return sb.append(first ? "}" : " }").toString();
    }

    private static String record(Record r, int indent) {
        StringBuilder sb = new StringBuilder("[ordered]@{");
        boolean first = true;
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            String key = rc.getName();
            if (!IDENTIFIER.matcher(key).matches()) {
                throw new IllegalArgumentException("bad hashtable key " + key);
            }
            Object v;
            try {
                rc.getAccessor().setAccessible(true);
                v = rc.getAccessor().invoke(r);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("cannot read " + key + " of " + r.getClass().getSimpleName(), ex);
            }
            sb.append(first ? " " : "; ");
            first = false;
            sb.append(key).append(" = ").append(render(v, -1));
        }
        return sb.append(first ? "}" : " }").toString();
    }

    /** `$Name = <literal>`: how a template brings one value into the script. */
    public static String assignment(String variable, Object value) {
        if (!IDENTIFIER.matcher(variable).matches()) {
            throw new IllegalArgumentException("bad PowerShell variable name: " + variable);
        }
        return "$" + variable + " = " + block(value);
    }
}
