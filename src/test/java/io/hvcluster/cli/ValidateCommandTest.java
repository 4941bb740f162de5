package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private void assertNoStackTrace() {
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validExampleExitsZeroWithASummary() {
        assertThat(run("validate", "inventories/lab-4node.yaml")).isZero();
        assertThat(out.toString()).isEqualTo("inventories/lab-4node.yaml: valid (4 hosts, 6 networks)"
                + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void warningsArePrintedButTheExitCodeStaysZero() throws IOException {
        Path file = tmp.resolve("warn.yaml");
        Files.writeString(file, Files.readString(Path.of("inventories/lab-4node.yaml"))
                .replace("  port: 5986", "  port: 5985"));
        assertThat(run("validate", file.toString())).isZero();
        assertThat(errLines()).containsExactly(file + ":100:9: warning: connection.port: 5985 is WinRM's HTTP port; "
                + "with https: true the listener is normally 5986");
        assertThat(out.toString().strip()).isEqualTo(file + ": valid (4 hosts, 6 networks), 1 warning");
    }

    @Test
    void brokenCopyOfAnExampleReportsOneLinePerProblemAndExitsTwo() throws IOException {
        Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, Files.readString(Path.of("inventories/lab-4node.yaml"))
                .replace("  address: 10.0.0.50", "  address: 10.0.1.50")
                .replace("ip: 10.10.1.12", "ip: 10.10.1.11")
                .replace("  password: { env: HVCLUSTER_PASSWORD }", "  password: \"S3cret-value\"")
                .replace("  port: 5986", "  port: abc"));
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                file + ":15:12: error: cluster.address: 10.0.1.50 is not in the management subnet 10.0.0.0/24",
                file + ":66:53: error: hosts[1].nics.Cluster.ip: 10.10.1.11 is already used by hosts[0].nics.Cluster.ip",
                file + ":100:9: error: connection.port: expected a whole number, found 'abc'",
                file + ":104:13: error: connection.password: must not hold the password itself; use { env: VARIABLE }, "
                        + "{ stdin: true } or { prompt: true }");
        assertThat(out.toString().strip()).isEqualTo(file + ": 4 errors, 0 warnings");
        assertThat(err.toString() + out).doesNotContain("S3cret-value");
        assertNoStackTrace();
    }

    @Test
    void yamlSyntaxErrorIsOneLine() throws IOException {
        Path file = tmp.resolve("tab.yaml");
        Files.writeString(file, "cluster:\n\tname: HVCL01\n");
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly(file + ":2:1: error: invalid YAML: a tab character; YAML indents with "
                + "spaces only");
        assertNoStackTrace();
    }

    @Test
    void missingFileIsOneLine() {
        assertThat(run("validate", "no-such-inventory.yaml")).isEqualTo(2);
        assertThat(errLines()).containsExactly("error: no-such-inventory.yaml: no such file");
        assertNoStackTrace();
    }

    @Test
    void directoryIsOneLine() {
        assertThat(run("validate", tmp.toString())).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines()).containsExactly("error: " + tmp + ": is a directory, not an inventory file");
        assertNoStackTrace();
    }

    @Test
    void fileThatIsNotUtf8IsOneLine() throws IOException {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(errLines()).containsExactly("error: " + file + ": cannot read the inventory: not UTF-8 text "
                + "(save it as UTF-8)");
        assertNoStackTrace();
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("<inventory>");
        assertNoStackTrace();
    }

    @Test
    void helpShowsTheParameterLabel() {
        assertThat(run("validate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: hvcluster validate").contains("<inventory>")
                .contains("--verbose");
    }
}
