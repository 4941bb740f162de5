package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.sim.Simulation;
import io.hvcluster.testing.InProcessCli.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -v adds the changes and the scripts' output, -vv the WinRM traffic: HttpClient's request lines and headers with
 * every credential masked, never the wire bodies (they carry the script payload with its secrets), and long base64
 * cut short so the console stays readable.
 */
class VerbosityTest {

    @TempDir
    Path tmp;

    @Test
    void authenticationHeadersKeepTheirSchemeButNotTheirCredentials() {
        String basic = Base64.getEncoder().encodeToString("hvadmin:Secret-Pass1".getBytes(StandardCharsets.UTF_8));
        assertThat(CredentialHeaderMask.mask("http-outgoing-0 >> Authorization: Basic " + basic))
                .isEqualTo("http-outgoing-0 >> Authorization: Basic ****");
        assertThat(CredentialHeaderMask.mask("http-outgoing-3 << WWW-Authenticate: Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICon"))
                .isEqualTo("http-outgoing-3 << WWW-Authenticate: Negotiate ****");
        assertThat(CredentialHeaderMask.mask("http-outgoing-3 >> proxy-authorization: NTLM TlRMTVNTUAADAAAAGAAYAHgAAAAYABgAkAAAAA=="))
                .isEqualTo("http-outgoing-3 >> proxy-authorization: NTLM ****");
        assertThat(CredentialHeaderMask.mask("http-outgoing-0 >> POST /wsman HTTP/1.1")).isEqualTo("http-outgoing-0 >> POST /wsman HTTP/1.1");
    }

    @Test
    void aLongBase64RunIsCutToItsStartAndLength() {
        String blob = "QUJD".repeat(1000);
        String line = MaskingLayout.shortened("Executing command powershell.exe -EncodedCommand " + blob + " on HV01");
        assertThat(line).startsWith("Executing command powershell.exe -EncodedCommand QUJD").endsWith("...(4000 characters) on HV01")
                .hasSizeLessThan(150);
        assertThat(MaskingLayout.shortened("short QUJD line")).isEqualTo("short QUJD line");
    }

    @Test
    void vvShowsTheWinRmTrafficWithTheCredentialsMaskedAndVDoesNot() throws Exception {
        String password = Simulation.DEFAULT_PASSWORD.reveal();
        String state = tmp.resolve("sim").toString();
        // HVCLUSTER_PASSWORD is not set: the simulated hosts accept their default password, which the run then sends.
        Path inventory = Path.of("inventories/lab-2node.yaml");
        Console vv = console(() -> hvcluster("facts", inventory.toString(), "--simulate-fresh", "--simulator-state", state, "-vv"));
        assertThat(vv.run().exit()).as(vv.run().err()).isZero();
        assertThat(vv.logged()).contains(">> POST /wsman HTTP/1.1", "<< HTTP/1.1 200", "Authorization: Basic ****");
        assertThat(vv.logged() + vv.run().err() + vv.run().out())
                .doesNotContain(password)
                .doesNotContainPattern("Authorization: \\S+ (?!\\*\\*\\*\\*)")
                .doesNotContain("<rsp:Stream");
        assertThat(vv.logged().lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(1000));

        Console v = console(() -> hvcluster("facts", inventory.toString(), "--simulate", "--simulator-state", state, "-v"));
        assertThat(v.run().exit()).as(v.run().err()).isZero();
        assertThat(v.logged()).doesNotContain("POST /wsman", "Authorization", "org.apache.http", "overthere");
    }

    record Console(Run run, String logged) {
    }

    /** Runs {@code command} with the log's console (System.err) captured. */
    private static Console console(java.util.function.Supplier<Run> command) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Run run = command.get();
            return new Console(run, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
