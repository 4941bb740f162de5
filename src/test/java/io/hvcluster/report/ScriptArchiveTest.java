package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptArchiveTest {

    @TempDir
    Path run;

    private static final ScriptResult OK = new ScriptResult(0, "renamed\n{\"changed\":true}\n", "", Duration.ofMillis(2300));

    @Test
    void savesTheScriptAndItsOutputUnderTheHost() throws Exception {
        ScriptArchive archive = new ScriptArchive(run, SecretMasker.none());
        Script script = new Script("HV01", "rename-adapters", "apply", "01-rename-adapters.ps1", "Rename-NetAdapter -Name 'Ethernet 2'\n");

        String rel = archive.save(script, 1, "apply", new ScriptResult(2, "out line\n", "err line", Duration.ofMillis(1500)));

        assertThat(rel).isEqualTo("scripts/HV01/01-rename-adapters-apply.ps1");
        assertThat(run.resolve(rel)).hasContent("Rename-NetAdapter -Name 'Ethernet 2'\n");
        assertThat(Files.readString(run.resolve("scripts/HV01/01-rename-adapters-apply.out.txt"))).isEqualTo("""
                # exit code: 2
                # duration: 1.5s
                # --- stdout ---
                out line
                # --- stderr ---
                err line
                """);
    }

    @Test
    void aSecondRunOfTheSameScriptDoesNotOverwriteTheFirst() {
        ScriptArchive archive = new ScriptArchive(run, SecretMasker.none());

        String first = archive.save("HV02", 8, "enable-hyper-v", "after-reboot", "first", OK);
        String second = archive.save("HV02", 8, "enable-hyper-v", "after-reboot", "second", OK);

        assertThat(first).isEqualTo("scripts/HV02/08-enable-hyper-v-after-reboot.ps1");
        assertThat(second).isEqualTo("scripts/HV02/08-enable-hyper-v-after-reboot-2.ps1");
        assertThat(run.resolve(first)).hasContent("first");
        assertThat(run.resolve(second)).hasContent("second");
        assertThat(run.resolve("scripts/HV02/08-enable-hyper-v-after-reboot-2.out.txt")).exists();
    }

    @Test
    void namesFromTheInventoryCannotLeaveTheRunFolder() {
        ScriptArchive archive = new ScriptArchive(run, SecretMasker.none());

        String rel = archive.save("../..", 3, "a/b", "apply", "x", OK);
        String dots = archive.save("..", 3, "step", "apply", "x", OK);

        assertThat(rel).isEqualTo("scripts/.._../03-a_b-apply.ps1");
        assertThat(dots).isEqualTo("scripts/_/03-step-apply.ps1");
        assertThat(run.resolve(rel).normalize()).startsWith(run.resolve("scripts"));
        assertThat(run.resolve(dots).normalize()).startsWith(run.resolve("scripts"));
    }

    @Test
    void aSecretNeverReachesTheDiskInAnyForm() throws Exception {
        String secret = "Tr0ub'ador\"&\\3";
        SecretMasker masker = new SecretMasker(List.of(Secret.of(secret)));
        ScriptArchive archive = new ScriptArchive(run, masker);
        String psQuoted = "'" + secret.replace("'", "''") + "'";
        String jsonEscaped = "\"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String text = "$plain = " + secret + "\n$quoted = " + psQuoted + "\n";

        archive.save("HV01", 6, "create-cluster", "apply", text,
                new ScriptResult(1, "{\"password\":" + jsonEscaped + "}", "logon failure for " + secret, Duration.ofSeconds(1)));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(run)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(2);
        for (Path f : files) {
            String content = Files.readString(f);
            assertThat(content).doesNotContain(secret).doesNotContain(psQuoted).doesNotContain(jsonEscaped)
                    .doesNotContain("Tr0ub").contains(Secret.MASK);
        }
    }
}
