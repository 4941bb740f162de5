package io.hvcluster.inventory;

/**
 * Where the WinRM password comes from. The inventory never holds the password itself.
 */
public sealed interface PasswordSource {

    /** Read from an environment variable. */
    record Environment(String variable) implements PasswordSource {
    }

    /** Read from standard input (one line; `--password-stdin`). */
    record StandardInput() implements PasswordSource {
    }

    /** Asked for interactively on the console, without echo. */
    record Prompt() implements PasswordSource {
    }
}
