package io.hvcluster.cli;

import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.secrets.Secret;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the inventory's password source to the password itself, once per run. The value never leaves a
 * {@link Secret}.
 */
final class PasswordResolver {

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Console console;

    PasswordResolver(Map<String, String> environment, InputStream stdin, Console console) {
        this.environment = environment;
        this.stdin = stdin;
        this.console = console;
    }

    static PasswordResolver system() {
        return new PasswordResolver(System.getenv(), System.in, System.console());
    }

    /**
     * @param passwordStdin --password-stdin was given: read stdin whatever the inventory says
     */
    Secret resolve(PasswordSource source, String username, boolean passwordStdin) {
        if (passwordStdin || source instanceof PasswordSource.StandardInput) {
            return fromStdin();
        }
        if (source instanceof PasswordSource.Environment env) {
            String v = environment.get(env.variable());
            if (v == null || v.isEmpty()) {
                throw new UserException(ExitCode.INVALID_INPUT, "the password for " + username + " comes from the environment variable "
                        + env.variable() + ", which is not set (or use --password-stdin)");
            }
            return Secret.of(v);
        }
        if (console == null) {
            throw new UserException(ExitCode.INVALID_INPUT, "the inventory asks for a password prompt, but there is no console: "
                    + "use --password-stdin or an environment variable");
        }
        char[] pw = console.readPassword("Password for %s: ", username);
        if (pw == null || pw.length == 0) {
            throw new UserException(ExitCode.INVALID_INPUT, "no password entered");
        }
        return Secret.of(new String(pw));
    }

    /**
     * For simulated hosts: the password the run was given through the same sources as a real run, or empty when
     * none was (variable unset, nothing on stdin, no console to prompt on); the simulator then uses its own.
     */
    Optional<Secret> resolveIfGiven(PasswordSource source, String username, boolean passwordStdin) {
        if (passwordStdin || source instanceof PasswordSource.StandardInput) {
            return stdinLine();
        }
        if (source instanceof PasswordSource.Environment env) {
            String v = environment.get(env.variable());
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Secret.of(v));
        }
        if (console == null) {
            return Optional.empty();
        }
        char[] pw = console.readPassword("Password for %s (simulated hosts; Enter for the simulator's own): ", username);
        return pw == null || pw.length == 0 ? Optional.empty() : Optional.of(Secret.of(new String(pw)));
    }

    private Secret fromStdin() {
        return stdinLine().orElseThrow(() ->
                new UserException(ExitCode.INVALID_INPUT, "--password-stdin: standard input held no password"));
    }

    private Optional<Secret> stdinLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Secret.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
        } catch (IOException e) {
            throw new UserException(ExitCode.INVALID_INPUT, "cannot read the password from standard input: " + e.getMessage());
        }
    }
}
