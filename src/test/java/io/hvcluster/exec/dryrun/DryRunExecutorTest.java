package io.hvcluster.exec.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunExecutorTest {

    @Test
    void writesEachScriptWithABomRecordsItAndReportsThatNothingRan(@TempDir Path dir) throws Exception {
        DryRunExecutor dry = new DryRunExecutor(dir);
        Script script = new Script("HV01", "create-cluster", "apply", "06-create-cluster.cluster.ps1", "Write-Output 'Zürich'\r\n",
                Map.of("DomainPassword", Secret.of("s3cret!")));
        ScriptResult r = dry.run(script, Duration.ZERO, OutputSink.discard());

        byte[] bytes = Files.readAllBytes(dir.resolve("HV01/06-create-cluster.cluster.ps1"));
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("Write-Output 'Zürich'\r\n");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("s3cret!");
        assertThat(r.exitCode()).isZero();
        assertThat(r.structured().orElseThrow().get("changed").asBoolean()).isFalse();
        assertThat(r.structured().orElseThrow().get("data").get("dryRun").asBoolean()).isTrue();
        assertThat(dry.recorded()).containsExactly(script);
    }
}
