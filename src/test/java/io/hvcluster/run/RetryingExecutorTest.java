package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.ExecutionException.Kind;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transient WinRM faults are retried a bounded number of times with backoff on virtual time — for read-only probes, the
 * run lock's scripts and changes that provably had not started — and never for a change that may have started.
 */
class RetryingExecutorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Script PROBE = new Script("HV01", "facts", "probe", "00-facts.ps1", "probe");
    private static final Script CHANGE = new Script("HV01", "create-virtual-switches", "apply", "09-create-virtual-switches.ps1", "change");
    private static final Script LOCK = new Script("HV01", "run-lock", "acquire", "run-lock-acquire.ps1", "lock");

    private final VirtualTime time = new VirtualTime(T0);
    private final List<String> notices = new ArrayList<>();

    /** Fails with the queued exceptions, then succeeds; counts the calls. */
    private static final class Flaky implements ScriptExecutor {
        final Deque<ExecutionException> failures = new ArrayDeque<>();
        int calls;

        @Override
        public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return new ScriptResult(0, "{}", "", Duration.ZERO);
        }
    }

    private static ExecutionException http500(boolean notStarted) {
        return new ExecutionException("HV01", Kind.PROTOCOL_FAULT, "HV01 answered a WS-Management fault (HTTP 500)", null, true, notStarted);
    }

    private RetryingExecutor retrying(Flaky inner) {
        return new RetryingExecutor(inner, "HV01", time, (h, m) -> notices.add(h + ": " + m));
    }

    @Test
    void aProbeIsAskedAgainAfterTransientFaultsWithBackoffOnVirtualTime() {
        Flaky inner = new Flaky();
        inner.failures.add(http500(false));
        inner.failures.add(new ExecutionException("HV01", Kind.CONNECTION_LOST, "lost the connection (connection reset)", null, true, false));

        assertThat(retrying(inner).run(PROBE, Duration.ofMinutes(5), OutputSink.discard()).exitCode()).isZero();
        assertThat(inner.calls).isEqualTo(3);
        assertThat(time.now()).isEqualTo(T0.plusSeconds(2 + 4));
        assertThat(notices).containsExactly(
                "HV01: facts/probe: HV01 answered a WS-Management fault (HTTP 500); trying again in 2 s (2 of 3)",
                "HV01: facts/probe: lost the connection (connection reset); trying again in 4 s (3 of 3)");
    }

    @Test
    void theTriesAreBoundedAndTheLastErrorSaysSo() {
        Flaky inner = new Flaky();
        for (int i = 0; i < 5; i++) {
            inner.failures.add(http500(false));
        }
        assertThatThrownBy(() -> retrying(inner).run(PROBE, Duration.ofMinutes(5), OutputSink.discard()))
                .isInstanceOf(ExecutionException.class).hasMessage("HV01 answered a WS-Management fault (HTTP 500) (tried 3 times)");
        assertThat(inner.calls).isEqualTo(RetryingExecutor.ATTEMPTS);
    }

    @Test
    void aChangeThatMayHaveStartedIsNeverRetried() {
        Flaky inner = new Flaky();
        inner.failures.add(http500(false));
        assertThatThrownBy(() -> retrying(inner).run(CHANGE, Duration.ofMinutes(5), OutputSink.discard()))
                .hasMessage("HV01 answered a WS-Management fault (HTTP 500)");
        assertThat(inner.calls).isEqualTo(1);
        assertThat(notices).isEmpty();
    }

    @Test
    void aChangeThatProvablyHadNotStartedIsRetried() {
        Flaky inner = new Flaky();
        inner.failures.add(http500(true));
        assertThat(retrying(inner).run(CHANGE, Duration.ofMinutes(5), OutputSink.discard()).exitCode()).isZero();
        assertThat(inner.calls).isEqualTo(2);
        assertThat(notices).singleElement().asString().contains("it had not started, so trying again in 2 s");
    }

    @Test
    void theRunLockScriptsAreRetriedTheyActOnlyForTheirOwnRun() {
        Flaky inner = new Flaky();
        inner.failures.add(new ExecutionException("HV01", Kind.CONNECTION_LOST, "lost the connection", null, true, false));
        assertThat(retrying(inner).run(LOCK, Duration.ofMinutes(2), OutputSink.discard()).exitCode()).isZero();
        assertThat(inner.calls).isEqualTo(2);
    }

    @Test
    void aWrongPasswordOrARefusedConnectionIsNotRetried() {
        for (ExecutionException e : List.of(new ExecutionException("HV01", Kind.AUTHENTICATION_FAILED, "refused user (HTTP 401)"),
                new ExecutionException("HV01", Kind.UNREACHABLE, "connection refused", null, false, true))) {
            Flaky inner = new Flaky();
            inner.failures.add(e);
            assertThatThrownBy(() -> retrying(inner).run(PROBE, Duration.ofMinutes(5), OutputSink.discard())).isSameAs(e);
            assertThat(inner.calls).as(e.getMessage()).isEqualTo(1);
        }
    }

    @Test
    void noWaitGoesPastTheScriptsTimeout() {
        Flaky inner = new Flaky();
        inner.failures.add(http500(false));
        assertThatThrownBy(() -> retrying(inner).run(PROBE, Duration.ofSeconds(1), OutputSink.discard())).isInstanceOf(ExecutionException.class);
        assertThat(inner.calls).isEqualTo(1);
        assertThat(time.now()).isEqualTo(T0);
    }
}
