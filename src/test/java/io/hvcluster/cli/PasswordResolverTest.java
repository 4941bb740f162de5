package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.secrets.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Simulated runs take the password through the same sources as real ones; only when none is given does the
 * simulator fall back to its own (the caller decides), while a real run fails on a missing password.
 */
class PasswordResolverTest {

    private static final PasswordSource.Environment ENV = new PasswordSource.Environment("HV_TEST_PW");

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGivenPasswordIsUsedFromEachSource() {
        assertThat(new PasswordResolver(Map.of("HV_TEST_PW", "From-Env1"), stdin(""), null).resolveIfGiven(ENV, "u", false))
                .contains(Secret.of("From-Env1"));
        assertThat(new PasswordResolver(Map.of(), stdin("From-Stdin1\r\n"), null)
                .resolveIfGiven(new PasswordSource.StandardInput(), "u", false)).contains(Secret.of("From-Stdin1"));
        assertThat(new PasswordResolver(Map.of("HV_TEST_PW", "From-Env1"), stdin("From-Stdin2\n"), null)
                .resolveIfGiven(ENV, "u", true)).as("--password-stdin wins").contains(Secret.of("From-Stdin2"));
    }

    @Test
    void noneGivenIsEmptyForTheSimulatorButAnErrorForARealRun() {
        PasswordResolver nothing = new PasswordResolver(Map.of(), stdin(""), null);
        assertThat(nothing.resolveIfGiven(ENV, "u", false)).isEmpty();
        assertThat(nothing.resolveIfGiven(new PasswordSource.StandardInput(), "u", false)).isEmpty();
        assertThat(nothing.resolveIfGiven(new PasswordSource.Prompt(), "u", false)).as("no console").isEmpty();
        assertThatThrownBy(() -> nothing.resolve(ENV, "u", false)).isInstanceOf(UserException.class)
                .hasMessageContaining("HV_TEST_PW, which is not set");
        assertThatThrownBy(() -> new PasswordResolver(Map.of(), stdin(""), null).resolve(ENV, "u", true))
                .isInstanceOf(UserException.class).hasMessageContaining("standard input held no password");
    }
}
