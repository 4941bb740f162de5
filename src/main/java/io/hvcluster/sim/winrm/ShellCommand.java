package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's side of one WinRS command: it buffers what the command writes until a Receive takes it, and
 * implements Receive's long poll (answer as soon as output exists, else wait up to the operation timeout).
 */
final class ShellCommand implements CommandOutput {

    /**
     * After the first output of a still-running command, wait this long for more output or the exit before
     * answering, so a command that prints and exits at once costs one Receive, as on Windows.
     */
    private static final long COALESCE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** {@code <rsp:Stream Name="stdout" CommandId="GUID"></rsp:Stream>} plus slack. */
    static final int STREAM_ELEMENT_COST = 128;

    private final String id;
    private final CodePage codePage;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<OutputChunk> pending = new ArrayDeque<>();
    private Integer exitCode;
    private boolean terminated;
    private RunningCommand running;

    ShellCommand(String id, CodePage codePage) {
        this.id = id;
        this.codePage = codePage;
    }

    String id() {
        return id;
    }

    void attach(RunningCommand command) {
        lock.lock();
        try {
            this.running = command;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stdout(String text) {
        append("stdout", text);
    }

    @Override
    public void stderr(String text) {
        append("stderr", text);
    }

    private void append(String stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = codePage.encode(text);
        lock.lock();
        try {
            if (exitCode == null && !terminated) {
                pending.add(new OutputChunk(stream, bytes));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void exit(int code) {
        lock.lock();
        try {
            if (exitCode == null) {
                exitCode = code;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void stdin(byte[] bytes, boolean end) {
        RunningCommand r;
        lock.lock();
        try {
            r = terminated ? null : running;
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.stdin(bytes, end);
        }
    }

    /** Stops the command; a Receive waiting on it returns at once. */
    void terminate() {
        RunningCommand r;
        lock.lock();
        try {
            if (terminated) {
                return;
            }
            terminated = true;
            r = running;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.terminate();
        }
    }

    /**
     * Long poll. Returns output as soon as there is some (at most {@code maxBytes} of it), the exit code once
     * everything has been read, or nothing after {@code wait} (the caller turns that into TimedOut). At most
     * {@code maxEncodedBytes} of response XML is used for streams, counting base64 and element overhead.
     *
     * @throws CommandGoneException when the command was terminated before or during the wait
     */
    ReceivedOutput receive(Duration wait, int maxEncodedBytes) throws InterruptedException, CommandGoneException {
        long remaining = wait.toNanos();
        lock.lock();
        try {
            while (pending.isEmpty() && exitCode == null && !terminated) {
                if (remaining <= 0) {
                    return new ReceivedOutput(List.of(), OptionalInt.empty());
                }
                remaining = changed.awaitNanos(remaining);
            }
            long coalesce = COALESCE_NANOS;
            while (exitCode == null && !terminated && coalesce > 0) {
                coalesce = changed.awaitNanos(coalesce);
            }
            if (terminated) {
                throw new CommandGoneException();
            }
            List<OutputChunk> out = drain(maxEncodedBytes);
            boolean done = exitCode != null && pending.isEmpty();
            return new ReceivedOutput(out, done ? OptionalInt.of(exitCode) : OptionalInt.empty());
        } finally {
            lock.unlock();
        }
    }

    /** Takes pending output in order, merging neighbours of the same stream, within the XML budget. */
    private List<OutputChunk> drain(int maxEncodedBytes) {
        List<OutputChunk> out = new ArrayList<>();
        int budget = maxEncodedBytes;
        while (!pending.isEmpty()) {
            OutputChunk head = pending.peek();
            boolean merge = !out.isEmpty() && out.get(out.size() - 1).stream().equals(head.stream());
            int before = merge ? encodedCost(out.get(out.size() - 1).bytes().length) : 0;
            int rawSoFar = merge ? out.get(out.size() - 1).bytes().length : 0;
            int room = budget + before;
            int fits = Math.max(0, (room - STREAM_ELEMENT_COST) / 4 * 3) - rawSoFar;
            if (fits <= 0) {
                break;
            }
            pending.poll();
            byte[] taken = head.bytes();
            if (taken.length > fits) {
                pending.addFirst(new OutputChunk(head.stream(), Arrays.copyOfRange(taken, fits, taken.length)));
                taken = Arrays.copyOf(taken, fits);
            }
            if (merge) {
                OutputChunk last = out.remove(out.size() - 1);
                byte[] joined = Arrays.copyOf(last.bytes(), last.bytes().length + taken.length);
                System.arraycopy(taken, 0, joined, last.bytes().length, taken.length);
                out.add(new OutputChunk(head.stream(), joined));
                budget = room - encodedCost(joined.length);
            } else {
                out.add(new OutputChunk(head.stream(), taken));
                budget -= encodedCost(taken.length);
            }
        }
        return out;
    }

    /** Bytes of response XML one stream element with {@code raw} payload bytes takes. */
    static int encodedCost(int raw) {
        return STREAM_ELEMENT_COST + (raw + 2) / 3 * 4;
    }

    /** The command was terminated (signal, shell deletion or reboot) while a client polled it. */
    static final class CommandGoneException extends Exception {
        CommandGoneException() {
            super("command terminated", null, false, false);
        }
    }
}
