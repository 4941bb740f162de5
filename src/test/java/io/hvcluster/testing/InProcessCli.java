package io.hvcluster.testing;

import io.hvcluster.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs `hvcluster ARGS...` in this JVM, as a user would on the command line, and keeps what it printed. */
public final class InProcessCli {

    private InProcessCli() {
    }

    /** The exit code, standard output and standard error of one command. */
    public record Run(int exit, String out, String err) {
    }

    public static Run hvcluster(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
