package io.hvcluster.sim.winrm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One WinRS shell: its settings from Create and the commands started in it. */
final class Shell {

    private final String id;
    private final String owner;
    private final CodePage codePage;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final Map<String, ShellCommand> commands = new ConcurrentHashMap<>();
    /** Every Command counts until the shell is deleted; a terminate signal does not release it (WSMV <118>). */
    private final AtomicInteger operations = new AtomicInteger();
    private volatile Instant lastActivity;

    Shell(String id, String owner, CodePage codePage, Map<String, String> environment, String workingDirectory,
            Instant now) {
        this.id = id;
        this.owner = owner;
        this.codePage = codePage;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.lastActivity = now;
    }

    String id() {
        return id;
    }

    String owner() {
        return owner;
    }

    CodePage codePage() {
        return codePage;
    }

    Map<String, String> environment() {
        return environment;
    }

    String workingDirectory() {
        return workingDirectory;
    }

    void touch(Instant now) {
        lastActivity = now;
    }

    Instant lastActivity() {
        return lastActivity;
    }

    /** Counts one more operation; false when that would exceed {@code max}. */
    boolean reserveOperation(int max) {
        while (true) {
            int n = operations.get();
            if (n >= max) {
                return false;
            }
            if (operations.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void add(ShellCommand command) {
        commands.put(command.id(), command);
    }

    Optional<ShellCommand> command(String commandId) {
        return Optional.ofNullable(commands.get(commandId.toUpperCase(java.util.Locale.ROOT)));
    }

    void terminateAll() {
        commands.values().forEach(ShellCommand::terminate);
    }
}
