package io.hvcluster.cli;

import io.hvcluster.inventory.check.ShownText;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where exceptions become exit codes and messages. A user's mistake is one line;
 * a stack trace appears only for internal errors and only with -v.
 */
final class ExceptionMapping implements IExecutionExceptionHandler {

    private final PrintWriter err;

    ExceptionMapping(PrintWriter err) {
        this.err = err;
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof UserException u) {
            return u.exitCode().code();
        }
        if (t instanceof ParameterException) {
            return ExitCode.INVALID_INPUT.code();
        }
        return ExitCode.INTERNAL_ERROR.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter w = cmd.getErr() != null ? cmd.getErr() : err;
        if (ex instanceof UserException u) {
            // Messages may quote a file name or a value: escaped, so no control character reaches the terminal.
            w.println("error: " + ShownText.escaped(u.getMessage()));
            return u.exitCode().code();
        }
        w.println("internal error: " + ShownText.escaped(String.valueOf(ex)));
        if (verbose(parseResult)) {
            ex.printStackTrace(w);
        } else {
            w.println("(run again with -v for the stack trace, and please report it)");
        }
        return ExitCode.INTERNAL_ERROR.code();
    }

    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter w = cmd.getErr();
        w.println("error: " + parameterMessage(ex));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
            w.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCode.INVALID_INPUT.code();
    }

    /**
     * The parser's message, except for unknown options: picocli lists every unmatched argument, so
     * {@code --password X} would print X. Only the names of the unknown options are repeated, never a value.
     */
    static String parameterMessage(ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> options = u.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                    .map(a -> "'" + ShownText.value(a) + "'").distinct().toList();
            if (options.isEmpty()) {
                return "unexpected argument(s) after the ones this command takes (not repeated here, in case one is "
                        + "a secret)";
            }
            return "unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options)
                    + " (values given with it are not repeated, in case one is a secret)";
        }
        return ShownText.line(String.valueOf(ex.getMessage()));
    }

    private static boolean verbose(ParseResult pr) {
        for (ParseResult r = pr; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
