package io.hvcluster.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScriptExecutor} must do, whatever carries the script: exit codes come back as results,
 * stdout and stderr stay apart and stream live, secrets reach {@code $HvcSecrets}, error records arrive as
 * readable text, and a script that overruns its timeout is stopped with {@link ExecutionException.Kind#TIMEOUT}.
 *
 * <p>The scripts are plain PowerShell, so a subclass may run them on a real Windows host; fakes and loopback
 * servers play them with {@link ContractScriptInterpreter}. Extend it, return a fresh executor for host
 * {@link #HOST} from {@link #newExecutor()}, and adjust {@link #shortTimeout()} for slow back ends.
 */
public abstract class ScriptExecutorContract {

    protected static final String HOST = "HV01";
    protected static final Duration GENEROUS = Duration.ofSeconds(60);

    protected ScriptExecutor executor;

    /** A new executor for host {@link #HOST}; the contract closes it after each test. */
    protected abstract ScriptExecutor newExecutor();

    /** A timeout that a 30-second sleep overruns but a healthy start-up does not. */
    protected Duration shortTimeout() {
        return Duration.ofSeconds(2);
    }

    @BeforeEach
    void openExecutor() {
        executor = newExecutor();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    protected static Script script(String text) {
        return new Script(HOST, "contract", "probe", "01-contract.ps1", text);
    }

    protected static Script script(String text, Map<String, Secret> secrets) {
        return new Script(HOST, "contract", "apply", "01-contract.ps1", text, secrets);
    }

    protected ScriptResult run(Script s) {
        return executor.run(s, GENEROUS, OutputSink.discard());
    }

    @Test
    void exitCodeZeroWithOutput() {
        ScriptResult r = run(script("Write-Output 'hello'; exit 0"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.succeeded()).isTrue();
        assertThat(r.stdout().strip()).isEqualTo("hello");
        assertThat(r.duration()).isPositive();
    }

    @Test
    void nonZeroExitIsAResultNotAnException() {
        ScriptResult r = run(script("Write-Output 'about to fail'; exit 3"));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.stdout()).contains("about to fail");
    }

    @Test
    void stdoutAndStderrStaySeparate() {
        ScriptResult r = run(script("Write-Output 'to-out'; [Console]::Error.WriteLine('to-err'); exit 0"));

        assertThat(r.stdout()).contains("to-out").doesNotContain("to-err");
        assertThat(r.stderr()).contains("to-err").doesNotContain("to-out");
    }

    @Test
    void sinkSeesEveryLineOnItsStream() {
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.run(script("Write-Output 'one'; Write-Output 'two'; [Console]::Error.WriteLine('three'); exit 0"),
                GENEROUS, (stream, line) -> seen.add(stream + ":" + line));

        assertThat(seen).contains("STDOUT:one", "STDOUT:two", "STDERR:three");
        assertThat(seen.indexOf("STDOUT:one")).isLessThan(seen.indexOf("STDOUT:two"));
    }

    @Test
    void lastJsonLineIsTheStructuredResult() {
        ScriptResult r = run(script("Write-Output 'noise'; Write-Output '{\"changed\":true}'; exit 0"));

        assertThat(r.structured()).isPresent();
        assertThat(r.structured().get().path("changed").asBoolean()).isTrue();
    }

    @Test
    void secretsReachTheScriptAsHvcSecrets() {
        Secret token = Secret.of("s3cr3t-Value'with\"quotes");
        ScriptResult r = run(script("Write-Output $HvcSecrets['token']; exit 0", Map.of("token", token)));

        assertThat(r.stdout().strip()).isEqualTo(token.reveal());
    }

    @Test
    void errorRecordsArriveAsReadableText() {
        ScriptResult r = run(script("Write-Error 'disk 3 is missing'; exit 2"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("disk 3 is missing").doesNotContain("CLIXML").doesNotContain("<Objs");
    }

    @Test
    void terminatingErrorExitsOneWithTheMessageOnStderr() {
        ScriptResult r = run(script("throw 'cannot rename adapter'"));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("cannot rename adapter");
    }

    @Test
    void noHeartbeatEverReachesTheResult() {
        ScriptResult r = run(script("Start-Sleep -Milliseconds 600; Write-Output 'awake'; exit 0"));

        assertThat(r.stdout() + r.stderr()).doesNotContain(BootstrapPayload.HEARTBEAT);
        assertThat(r.stdout()).contains("awake");
    }

    @Test
    void overrunningTheTimeoutStopsTheScript() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> executor.run(script("Start-Sleep -Seconds 30; exit 0"), shortTimeout(), OutputSink.discard()))
                .isInstanceOfSatisfying(ExecutionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExecutionException.Kind.TIMEOUT);
                    assertThat(e.host()).isEqualTo(HOST);
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(shortTimeout().plusSeconds(10));
    }

    @Test
    void oneExecutorRunsScriptsOneAfterAnother() {
        ScriptResult first = run(script("Write-Output 'first'; exit 0"));
        ScriptResult second = run(script("Write-Output 'second'; exit 4"));

        assertThat(first.stdout()).contains("first");
        assertThat(second.stdout()).contains("second").doesNotContain("first");
        assertThat(second.exitCode()).isEqualTo(4);
    }
}
