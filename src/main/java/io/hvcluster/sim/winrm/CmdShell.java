package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Plays {@code cmd.exe /c <line>} (or, with WINRS_SKIP_CMD_SHELL, the executable itself): a handful of cmd
 * built-ins ({@code hostname}, {@code echo}, {@code exit}, {@code cd}, {@code cmd /c}), command chaining with
 * {@code & && ||}, the {@code 1>&2} and {@code >nul} redirections, and {@code powershell.exe}, whose scripts go to
 * the plugged {@link PowerShellHost}. Anything else is "not recognized", as on a host without that program.
 * Each command runs on a thread of its own, so a PowerShell script can block on stdin or take its time.
 */
public final class CmdShell implements CommandHandler {

    /** cmd.exe's limit (KB 830473). */
    static final int CMD_MAX_LINE = 8191;

    private final PowerShellHost powerShellHost;
    private final Duration heartbeatInterval;
    private final FaultInjection faults;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    public CmdShell(PowerShellHost powerShellHost, Duration heartbeatInterval, FaultInjection faults,
            ExecutorService workers, ScheduledExecutorService timers) {
        this.powerShellHost = Objects.requireNonNull(powerShellHost);
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval);
        this.faults = Objects.requireNonNull(faults);
        this.workers = Objects.requireNonNull(workers);
        this.timers = Objects.requireNonNull(timers);
    }

    @Override
    public RunningCommand start(CommandRequest request, CommandOutput output) {
        StdinPipe stdin = new StdinPipe();
        Process process = new Process(request, output, stdin, faults.commandSilence());
        Future<?> future = workers.submit(() -> {
            try {
                int code = request.skipCmdShell()
                        ? process.runProgram(request.commandLine(), ProcessStreams.of(output))
                        : process.runCmd(request.commandLine());
                output.exit(code);
            } catch (InterruptedException e) {
                // terminated by Signal, Delete or a reboot: a killed process reports nothing more
                Thread.currentThread().interrupt();
            }
        });
        return new RunningCommand() {
            @Override
            public void stdin(byte[] bytes, boolean end) {
                stdin.write(bytes, end);
            }

            @Override
            public void terminate() {
                future.cancel(true);
            }
        };
    }

    /** One simulated process tree (cmd.exe and what it starts). */
    private final class Process {
        private final CommandRequest request;
        private final CommandOutput output;
        private final StdinPipe stdin;
        /** Injected silence, spent by the first program that runs. */
        private final AtomicReference<Duration> silence;
        private String workingDirectory;

        Process(CommandRequest request, CommandOutput output, StdinPipe stdin, Duration silence) {
            this.request = request;
            this.output = output;
            this.stdin = stdin;
            this.silence = new AtomicReference<>(silence);
            this.workingDirectory = request.workingDirectory();
        }

        Duration takeSilence() {
            return silence.getAndSet(Duration.ZERO);
        }

        int runCmd(String line) throws InterruptedException {
            if (line.length() > CMD_MAX_LINE) {
                sleep(takeSilence());
                output.stderr("The command line is too long.\r\n");
                return 1;
            }
            String stripped = CmdQuoting.stripOuterQuotes(line);
            int last = 0;
            for (CmdQuoting.Link link : CmdQuoting.chain(stripped)) {
                if ("&&".equals(link.operator()) && last != 0 || "||".equals(link.operator()) && last == 0) {
                    continue;
                }
                Redirected r = Redirected.parse(link.command(), ProcessStreams.of(output));
                if (r.command().isBlank()) {
                    continue;
                }
                CommandResult result = runBuiltinOrProgram(r.command(), r.streams());
                last = result.exitCode();
                if (result.exitsShell()) {
                    return last;
                }
            }
            return last;
        }

        private CommandResult runBuiltinOrProgram(String command, ProcessStreams streams)
                throws InterruptedException {
            String trimmed = command.stripLeading();
            String word = firstWord(trimmed);
            String name = programName(word);
            switch (name) {
                case "echo" -> {
                    sleep(takeSilence());
                    streams.stdout().accept(echo(trimmed.substring(word.length())));
                    return new CommandResult(0, false);
                }
                case "echo." -> {
                    sleep(takeSilence());
                    streams.stdout().accept("\r\n");
                    return new CommandResult(0, false);
                }
                case "exit" -> {
                    return new CommandResult(exitCode(trimmed.substring(word.length())), true);
                }
                case "cd", "chdir" -> {
                    return new CommandResult(cd(trimmed.substring(word.length()), streams), false);
                }
                case "cmd" -> {
                    return new CommandResult(nestedCmd(trimmed.substring(word.length())), false);
                }
                default -> {
                    return new CommandResult(runProgram(trimmed, streams), false);
                }
            }
        }

        /** An executable: hostname.exe, powershell.exe, or "not recognized". */
        int runProgram(String commandLine, ProcessStreams streams) throws InterruptedException {
            String trimmed = commandLine.strip();
            String word = firstWord(trimmed);
            String name = programName(word);
            String arguments = trimmed.substring(word.length());
            switch (name) {
                case "hostname" -> {
                    sleep(takeSilence());
                    streams.stdout().accept(request.machine().hostName() + "\r\n");
                    return 0;
                }
                case "powershell" -> {
                    PowerShellProgram ps = new PowerShellProgram(powerShellHost, heartbeatInterval, timers,
                            faults.powerShellStartLatency(), takeSilence());
                    return ps.run(arguments, request, workingDirectory, stdin, streams);
                }
                case "cmd" -> {
                    return nestedCmd(arguments);
                }
                default -> {
                    sleep(takeSilence());
                    streams.stderr().accept("'" + unquote(word) + "' is not recognized as an internal or external"
                            + " command,\r\noperable program or batch file.\r\n");
                    return 1;
                }
            }
        }

        private int nestedCmd(String arguments) throws InterruptedException {
            String rest = arguments.stripLeading();
            while (rest.startsWith("/")) {
                String flag = firstWord(rest).toLowerCase(Locale.ROOT);
                rest = rest.substring(flag.length()).stripLeading();
                if (flag.equals("/c") || flag.equals("/k")) {
                    return runCmd(rest);
                }
            }
            // "cmd" alone would start an interactive prompt that reads stdin; nothing here needs that.
            return 0;
        }

        private int cd(String arguments, ProcessStreams streams) {
            String rest = arguments.strip();
            if (rest.toLowerCase(Locale.ROOT).startsWith("/d")) {
                rest = rest.substring(2).strip();
            }
            if (rest.isEmpty()) {
                streams.stdout().accept(workingDirectory + "\r\n");
            } else {
                workingDirectory = unquote(rest);
            }
            return 0;
        }
    }

    private record CommandResult(int exitCode, boolean exitsShell) {
    }

    /** A chain link with its redirections removed and applied to the streams. */
    private record Redirected(String command, ProcessStreams streams) {

        static Redirected parse(String command, ProcessStreams base) {
            Consumer<String> out = base.stdout();
            Consumer<String> err = base.stderr();
            String c = command;
            String[][] rules = {{"1>&2", "out>err"}, {">&2", "out>err"}, {"2>&1", "err>out"},
                {"2>nul", "err>nul"}, {"1>nul", "out>nul"}, {">nul", "out>nul"}};
            boolean changed = true;
            while (changed) {
                changed = false;
                String lower = c.toLowerCase(Locale.ROOT);
                for (String[] rule : rules) {
                    int at = lower.lastIndexOf(rule[0]);
                    if (at >= 0) {
                        c = c.substring(0, at) + c.substring(at + rule[0].length());
                        Consumer<String> nul = s -> { };
                        switch (rule[1]) {
                            case "out>err" -> out = base.stderr();
                            case "err>out" -> err = base.stdout();
                            case "err>nul" -> err = nul;
                            default -> out = nul;
                        }
                        changed = true;
                        break;
                    }
                }
            }
            return new Redirected(c, new ProcessStreams(out, err));
        }
    }

    private static String echo(String afterWord) {
        // cmd drops exactly one delimiter after "echo" and keeps the rest verbatim, trailing spaces included.
        String text = afterWord.isEmpty() ? "" : afterWord.substring(1);
        if (text.isBlank()) {
            return "ECHO is on.\r\n";
        }
        return text + "\r\n";
    }

    private static int exitCode(String arguments) {
        List<String> args = CmdQuoting.arguments(arguments);
        for (String a : args) {
            if (!a.equalsIgnoreCase("/b")) {
                try {
                    return Integer.parseInt(a);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    static String firstWord(String s) {
        if (s.startsWith("\"")) {
            int close = s.indexOf('"', 1);
            return close < 0 ? s : s.substring(0, close + 1);
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** "C:\Windows\System32\HOSTNAME.EXE" → "hostname". */
    static String programName(String word) {
        String n = unquote(word).toLowerCase(Locale.ROOT);
        n = n.substring(Math.max(n.lastIndexOf('\\'), n.lastIndexOf('/')) + 1);
        return n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }
}
