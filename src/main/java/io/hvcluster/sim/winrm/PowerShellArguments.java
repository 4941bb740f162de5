package io.hvcluster.sim.winrm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code powershell.exe} command line the simulator needs: the script, given as
 * {@code -EncodedCommand} (base64 of UTF-16LE), {@code -Command} or bare trailing text. Parameter names are
 * case-insensitive and may be abbreviated to a unique prefix, as Windows PowerShell 5.1 accepts them
 * ({@code -enc}, {@code -EncodedCommand}, {@code -e}, {@code -ec}; {@code -ex}/{@code -ep} for ExecutionPolicy).
 */
final class PowerShellArguments {

    /** How the script was given. */
    enum Source { ENCODED, COMMAND, STDIN, NONE }

    /** Parameters in PowerShell's matching order; the second column is the shortest accepted prefix. */
    private static final String[][] PARAMETERS = {
        {"encodedarguments", "encodeda", "value"}, {"encodedcommand", "e", "script"}, {"ec", "ec", "script"},
        {"executionpolicy", "ex", "value"}, {"ep", "ep", "value"}, {"command", "c", "command"},
        {"configurationname", "config", "value"}, {"file", "f", "value"}, {"inputformat", "i", "value"},
        {"outputformat", "o", "value"}, {"noprofile", "nop", "switch"}, {"nologo", "nol", "switch"},
        {"noninteractive", "noni", "switch"}, {"noexit", "noe", "switch"}, {"windowstyle", "w", "value"},
        {"version", "v", "value"}, {"sta", "s", "switch"}, {"mta", "mta", "switch"},
    };

    private final Source source;
    private final String script;
    private final String error;

    private PowerShellArguments(Source source, String script, String error) {
        this.source = source;
        this.script = script;
        this.error = error;
    }

    static PowerShellArguments parse(String arguments) {
        List<String> args = CmdQuoting.arguments(arguments);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") && !a.startsWith("/")) {
                return command(args.subList(i, args.size()));
            }
            Optional<String[]> p = match(a.substring(1).toLowerCase(Locale.ROOT));
            if (p.isEmpty()) {
                return command(args.subList(i, args.size()));
            }
            switch (p.get()[2]) {
                case "script" -> {
                    if (i + 1 >= args.size()) {
                        return new PowerShellArguments(Source.NONE, null,
                                "Cannot process the command because -EncodedCommand requires an argument.");
                    }
                    return decode(args.get(i + 1));
                }
                case "command" -> {
                    return command(args.subList(i + 1, args.size()));
                }
                case "value" -> i++;
                default -> {
                    // a switch without a value
                }
            }
        }
        return new PowerShellArguments(Source.NONE, null, null);
    }

    private static Optional<String[]> match(String key) {
        for (String[] p : PARAMETERS) {
            if (p[0].startsWith(key) && key.length() >= p[1].length()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static PowerShellArguments command(List<String> rest) {
        if (rest.size() == 1 && rest.get(0).equals("-")) {
            return new PowerShellArguments(Source.STDIN, null, null);
        }
        return new PowerShellArguments(Source.COMMAND, String.join(" ", rest), null);
    }

    private static PowerShellArguments decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return new PowerShellArguments(Source.ENCODED, new String(bytes, StandardCharsets.UTF_16LE), null);
        } catch (IllegalArgumentException e) {
            return new PowerShellArguments(Source.NONE, null, "Cannot process the command because the value"
                    + " specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.");
        }
    }

    Source source() {
        return source;
    }

    /** The script text for ENCODED and COMMAND. */
    String script() {
        return script;
    }

    /** What powershell.exe prints when the command line is unusable. */
    Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
