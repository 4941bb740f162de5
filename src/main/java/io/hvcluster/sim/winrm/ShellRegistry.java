package io.hvcluster.sim.winrm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The shells of one simulated host, with the per-user shell quota and idle expiry of abandoned shells. */
final class ShellRegistry {

    private final Map<String, Shell> shells = new ConcurrentHashMap<>();
    private final int maxShellsPerUser;
    private final Duration idleTimeout;
    private final Clock clock;

    ShellRegistry(int maxShellsPerUser, Duration idleTimeout, Clock clock) {
        this.maxShellsPerUser = maxShellsPerUser;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    synchronized Shell create(String owner, CodePage codePage, Map<String, String> environment,
            String workingDirectory) throws WsmanFault {
        expireIdle();
        long mine = shells.values().stream().filter(s -> s.owner().equalsIgnoreCase(owner)).count();
        if (mine >= maxShellsPerUser) {
            throw WsmanFault.shellQuota(maxShellsPerUser);
        }
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Shell shell = new Shell(id, owner, codePage, environment, workingDirectory, clock.instant());
        shells.put(id, shell);
        return shell;
    }

    Shell find(String shellId) throws WsmanFault {
        Shell shell = shells.get(shellId.toUpperCase(Locale.ROOT));
        if (shell == null) {
            throw WsmanFault.unknownShell(shellId);
        }
        shell.touch(clock.instant());
        return shell;
    }

    Optional<Shell> remove(String shellId) {
        Shell shell = shells.remove(shellId.toUpperCase(Locale.ROOT));
        if (shell != null) {
            shell.terminateAll();
        }
        return Optional.ofNullable(shell);
    }

    /** A reboot: every shell and command is gone. */
    synchronized void clear() {
        List<Shell> all = new ArrayList<>(shells.values());
        shells.clear();
        all.forEach(Shell::terminateAll);
    }

    int size() {
        return shells.size();
    }

    private void expireIdle() {
        Instant limit = clock.instant().minus(idleTimeout);
        shells.values().removeIf(s -> {
            if (s.lastActivity().isBefore(limit)) {
                s.terminateAll();
                return true;
            }
            return false;
        });
    }
}
