package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each hostile inventory from issue 16 gives exit 2 and one FILE:LINE:COL line per problem: no stack trace, no
 * hang (the timeouts only stop a hang from freezing the suite), no raw control character, no megabyte line.
 */
@Timeout(120)
class HostileInventoryTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int validate(Path file) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), "validate", file.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** Every line of stderr is a located problem, printable, and short. */
    private List<String> problems(Path file) {
        String all = err.toString();
        assertThat(all).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
        assertThat(all.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r')).isEmpty();
        List<String> lines = all.lines().toList();
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).startsWith(file + ":").matches(".*:\\d+:\\d+: (error|warning): .*");
            assertThat(l.length()).isLessThan(600);
        });
        return lines;
    }

    @Test
    void deepNestingIsOneErrorNotAStackOverflow() throws IOException {
        Path file = write("deep.yaml", "cluster: " + "[".repeat(1500) + "]".repeat(1500) + "\n");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":1:41: error: nesting deeper than 32 levels; an inventory "
                + "needs five");
    }

    @Test
    void deviceAndFifoAreRefusedWithoutReading() throws Exception {
        assertThat(validate(Path.of("/dev/zero"))).isEqualTo(2);
        assertThat(problems(Path.of("/dev/zero"))).containsExactly("/dev/zero:1:1: error: not a regular file (a device, "
                + "pipe or socket); an inventory is a YAML file");
        err.getBuffer().setLength(0);
        Path fifo = tmp.resolve("fifo.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // No writer ever opens it: reading would block for ever.
        assertThat(validate(fifo)).isEqualTo(2);
        assertThat(problems(fifo)).singleElement().asString().contains("not a regular file");
    }

    @Test
    void oversizedFileAndScalarAreRefused() throws IOException {
        Path big = write("big.yaml", "cluster: \"" + "x".repeat(3_000_000) + "\"\n");
        assertThat(validate(big)).isEqualTo(2);
        assertThat(problems(big)).singleElement().asString().contains("at most 1048576");
        err.getBuffer().setLength(0);
        Path scalar = write("scalar.yaml", InventoryYaml.base().replace("HVCL01", "H" + "x".repeat(5000)).text());
        assertThat(validate(scalar)).isEqualTo(2);
        assertThat(problems(scalar)).containsExactly(scalar + ":2:9: error: a value of 5001 characters; values in an "
                + "inventory have at most 1024");
    }

    @Test
    void aliasBombIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        Path file = write("laughs.yaml", yaml.toString());
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).singleElement().asString().contains("invalid YAML");
    }

    @Test
    void unknownTagIsRejected() throws IOException {
        Path file = write("tag.yaml", InventoryYaml.base().replace("password: { env: HVCLUSTER_PASSWORD }",
                "password: !env HVCLUSTER_PASSWORD").text());
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":36:13: error: unknown tag '!env'; a password from the "
                + "environment is written { env: VARIABLE }");
    }

    @Test
    void unreadableNetworksGiveOneErrorNotEleven() throws IOException {
        String text = InventoryYaml.base().text().replaceAll("(?m)^  - \\{ name: [^\\n]*purpose[^\\n]*\\n", "")
                .replace("networks:\n", "networks: foo\n");
        Path file = write("networks.yaml", text);
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":11:11: error: networks: expected a list, found 'foo'");
    }

    @Test
    void unreadableHostsGiveOneError() throws IOException {
        String text = InventoryYaml.base().text().replaceAll("(?s)hosts:\n.*?connection:", "hosts: foo\nconnection:");
        Path file = write("hosts.yaml", text);
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":16:8: error: hosts: expected a list, found 'foo'");
    }

    @Test
    void missingNetworksGiveOneError() throws IOException {
        String text = InventoryYaml.base().text().replaceAll("(?m)^  - \\{ name: [^\\n]*purpose[^\\n]*\\n", "")
                .replace("networks:\n", "");
        Path file = write("no-networks.yaml", text);
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":1:1: error: networks: is required");
    }

    @Test
    void controlCharactersInValuesAreRejectedAndEscapedInTheMessage() throws IOException {
        // A YAML escape puts ESC, BEL and a newline into a disk label that plan would otherwise print raw.
        Path file = write("esc.yaml", InventoryYaml.base().replace("{ label: CSV1,",
                "{ label: \"CSV\\e]0;owned\\a\\nerror: fake\",").text());
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).containsExactly(file + ":8:16: error: 'CSV\\u001B]0;owned\\u0007\\nerror: fake' "
                + "holds the control character U+001B; names, labels and addresses are plain text");
    }

    @Test
    void longInvalidValuesAreShortenedInTheMessage() throws IOException {
        Path file = write("long.yaml", InventoryYaml.base().replace("10.0.0.50", "1" + "0".repeat(900)).text());
        assertThat(validate(file)).isEqualTo(2);
        assertThat(problems(file)).singleElement().asString()
                .contains("'1000000000000000000000000000000000000000... (901 characters)' is not an IPv4 address");
    }

    @Test
    void anUnknownOptionNeverEchoesItsValue() {
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "--password", "Hunter2-Secret",
                "inventories/lab-2node.yaml");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--password'").doesNotContain("Hunter2");
        err.getBuffer().setLength(0);
        Main.run(new PrintWriter(out), new PrintWriter(err), "plan", "--password=Hunter2-Secret", "inventories/lab-2node.yaml");
        assertThat(err.toString()).contains("unknown option '--password'").doesNotContain("Hunter2");
    }
}
