package io.hvcluster.testing;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An in-process executor that runs contract scripts with {@link ContractScriptInterpreter}. */
public final class InterpretingFakeExecutor implements ScriptExecutor {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-executor");
        t.setDaemon(true);
        return t;
    });

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        long start = System.nanoTime();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Map<String, String> secrets = new LinkedHashMap<>();
        script.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
        ContractScriptInterpreter.Console console = new ContractScriptInterpreter.Console() {
            @Override
            public synchronized void out(String line) {
                out.append(line).append('\n');
                sink.line(OutputSink.Stream.STDOUT, line);
            }

            @Override
            public synchronized void err(String line) {
                err.append(line).append('\n');
                sink.line(OutputSink.Stream.STDERR, line);
            }

            @Override
            public void errorRecord(String message) {
                err(message);
            }
        };
        Future<Integer> run = pool.submit(() -> ContractScriptInterpreter.run(script.text(), secrets, console));
        try {
            int exit = run.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new ScriptResult(exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new ExecutionException(script.host(), ExecutionException.Kind.TIMEOUT, script.stepId() + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(script.host(), ExecutionException.Kind.TIMEOUT, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

}
