package io.hvcluster.sim.winrm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** A plugged PowerShell host for tests: records every invocation and answers with a given function. */
final class RecordingPowerShellHost implements PowerShellHost {

    private final List<PowerShellInvocation> invocations = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Function<PowerShellInvocation, PowerShellResult> answer;

    RecordingPowerShellHost(Function<PowerShellInvocation, PowerShellResult> answer) {
        this.answer = answer;
    }

    @Override
    public PowerShellResult run(PowerShellInvocation invocation) {
        invocations.add(invocation);
        started.countDown();
        return answer.apply(invocation);
    }

    List<PowerShellInvocation> invocations() {
        return invocations;
    }

    CountDownLatch started() {
        return started;
    }
}
