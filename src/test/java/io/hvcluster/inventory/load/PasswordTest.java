package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.check.Problem;
import io.hvcluster.testing.InventoryYaml;
import org.junit.jupiter.api.Test;

/** A password written into the inventory is refused, and the message never repeats it. */
class PasswordTest {

    private static final String PASSWORD_LINE = "  password: { env: HVCLUSTER_PASSWORD }";
    private static final String SECRET = "Winter2024!x";

    private static LoadResult withPassword(String line) {
        return InventoryYaml.base().replace(PASSWORD_LINE, line).load();
    }

    private static void assertSecretNotShown(LoadResult r) {
        assertThat(r.problems()).extracting(Problem::message).noneMatch(m -> m.contains(SECRET));
        assertThat(r.formattedProblems()).noneMatch(m -> m.contains(SECRET));
    }

    @Test
    void plainPasswordStringIsRefused() {
        LoadResult r = withPassword("  password: \"" + SECRET + "\"");
        assertThat(r.problems()).containsExactly(error("connection.password", 36, 13,
                "must not hold the password itself; use { env: VARIABLE }, { stdin: true } or { prompt: true }"));
        assertSecretNotShown(r);
    }

    @Test
    void passKeyIsRefused() {
        LoadResult r = withPassword(PASSWORD_LINE + "\n  pass: " + SECRET);
        assertThat(r.problems()).containsExactly(error("connection.pass", 37, 3,
                "passwords never go in the inventory; set connection.password to { env: VARIABLE }, { stdin: true } "
                        + "or { prompt: true }"));
        assertSecretNotShown(r);
    }

    @Test
    void passwdKeyOnAHostIsRefused() {
        LoadResult r = InventoryYaml.base().replace("    address: hv01.corp.example.com",
                "    address: hv01.corp.example.com\n    passwd: " + SECRET).load();
        assertThat(r.problems()).containsExactly(error("hosts[0].passwd", 19, 5,
                "passwords never go in the inventory; set connection.password to { env: VARIABLE }, { stdin: true } "
                        + "or { prompt: true }"));
        assertSecretNotShown(r);
    }

    @Test
    void unknownKeyUnderPasswordIsNotRepeated() {
        LoadResult r = withPassword("  password: { " + SECRET + ": true }");
        assertThat(r.problems()).containsExactly(
                error("connection.password", 36, 3, "give one of { env: VARIABLE }, { stdin: true } or { prompt: true }"),
                error("connection.password", 36, 15, "unknown key; allowed: env, stdin, prompt"));
        assertSecretNotShown(r);
    }

    @Test
    void passwordValueInEnvIsNotRepeated() {
        LoadResult r = withPassword("  password: { env: \"" + SECRET + "\" }");
        assertThat(r.problems()).containsExactly(error("connection.password.env", 36, 20,
                "expected an environment variable name (letters, digits and underscores, not starting with a digit)"));
        assertSecretNotShown(r);
    }

    @Test
    void passwordValueInStdinIsNotRepeated() {
        LoadResult r = withPassword("  password: { stdin: " + SECRET + " }");
        assertThat(r.problems()).containsExactly(error("connection.password.stdin", 36, 22,
                "expected true (to choose another source, use { env: VARIABLE }, { stdin: true } or { prompt: true })"));
        assertSecretNotShown(r);
    }

    @Test
    void onlyOneSourceAtATime() {
        LoadResult r = withPassword("  password: { env: HVCLUSTER_PASSWORD, prompt: true }");
        assertThat(r.problems()).containsExactly(
                error("connection.password", 36, 3, "give only one of env, stdin or prompt"));
    }

    @Test
    void passwordIsRequired() {
        LoadResult r = InventoryYaml.base().removeLine(PASSWORD_LINE).load();
        assertThat(r.problems()).containsExactly(error("connection.password", 31, 1, "is required"));
    }

    @Test
    void stdinAndPromptAreSources() {
        assertThat(withPassword("  password: { stdin: true }").inventory().orElseThrow().connection().password())
                .isEqualTo(new PasswordSource.StandardInput());
        assertThat(withPassword("  password: { prompt: true }").inventory().orElseThrow().connection().password())
                .isEqualTo(new PasswordSource.Prompt());
    }

    @Test
    void environmentVariableIsASource() {
        assertThat(InventoryYaml.base().load().inventory().orElseThrow().connection().password())
                .isEqualTo(new PasswordSource.Environment("HVCLUSTER_PASSWORD"));
    }
}
