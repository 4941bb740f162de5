package io.hvcluster.testing.pscheck;

import java.nio.file.Path;

/**
 * One problem the PowerShell checker found, at a 1-based line and column of the script.
 *
 * @param kind parse-error, unknown-cmdlet, cmdlet-not-in-version, unknown-parameter, parameter-not-in-version,
 *     ambiguous-parameter, unresolved-splat, dynamic-command, try-without-catch or forbidden
 */
public record PsProblem(Path file, int line, int column, String kind, String message) {

    /** The same form the checker prints: {@code FILE:LINE:COL: kind: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + kind + ": " + message;
    }
}
