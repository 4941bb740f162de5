package io.hvcluster.render;

/**
 * What templates see as {@code $ps}. Every value from the model reaches the script through these methods,
 * so every value is a PowerShell literal (see {@link PsLiteral}).
 */
public final class PsTool {

    /** {@code $ps.let('Name', $step.value())} renders {@code $Name = <literal>}. */
    public String let(String variable, Object value) {
        return PsLiteral.assignment(variable, value);
    }

    /** {@code $ps.quote($x)}: a single-quoted string literal. */
    public String quote(Object value) {
        return PsLiteral.quote(String.valueOf(value));
    }

    /** {@code $ps.literal($x)}: a literal of any supported type on one line. */
    public String literal(Object value) {
        return PsLiteral.of(value);
    }
}
