package io.hvcluster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point. Only {@link #main} calls System.exit; {@link #run} is what tests call. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(out, err);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new HvclusterCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(ExceptionMapping::exitCodeOf);
        cmd.setExecutionExceptionHandler(new ExceptionMapping(err));
        cmd.setParameterExceptionHandler(ExceptionMapping::handleParameterException);
        return cmd;
    }
}
