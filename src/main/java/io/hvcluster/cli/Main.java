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
        RunInterrupt.instance().install();
        int code = run(out, err, args);
        // After Ctrl-C the JVM is already exiting (with 130) and System.exit would wait for ever: the hook waits for this.
        RunInterrupt.instance().commandDone();
        System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        RunInterrupt.instance().commandStarted();
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
