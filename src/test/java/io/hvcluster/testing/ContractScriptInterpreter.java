package io.hvcluster.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the handful of PowerShell statements that {@link ScriptExecutorContract} uses, so fakes and loopback
 * servers can play a host. The statements are real PowerShell: the same contract scripts run unchanged on a
 * Windows host. Anything else is refused loudly, so a contract script cannot silently do nothing.
 */
public final class ContractScriptInterpreter {

    /** Where a script's effects go. */
    public interface Console {
        void out(String line);

        void err(String line);

        /** A non-terminating error record (Write-Error); a real host serializes it as CLIXML on stderr. */
        void errorRecord(String message);
    }

    private static final Pattern WRITE_OUTPUT = Pattern.compile("Write-Output '((?:[^']|'')*)'");
    private static final Pattern WRITE_SECRET = Pattern.compile("Write-Output \\$HvcSecrets\\['(\\w+)'\\]");
    private static final Pattern WRITE_STDERR = Pattern.compile("\\[Console\\]::Error\\.WriteLine\\('((?:[^']|'')*)'\\)");
    private static final Pattern WRITE_ERROR = Pattern.compile("Write-Error '((?:[^']|'')*)'");
    private static final Pattern SLEEP = Pattern.compile("Start-Sleep -(Seconds|Milliseconds) (\\d+)");
    private static final Pattern EXIT = Pattern.compile("exit (\\d+)");
    private static final Pattern THROW = Pattern.compile("throw '((?:[^']|'')*)'");
    private static final Pattern PREFERENCE = Pattern.compile("\\$\\w+Preference = '\\w+'");

    private ContractScriptInterpreter() {
    }

    /** Runs the script; returns its exit code. Sleeps end early with InterruptedException when stopped. */
    public static int run(String script, Map<String, String> secrets, Console console) throws InterruptedException {
        for (String statement : statements(script)) {
            Matcher m;
            if ((m = WRITE_OUTPUT.matcher(statement)).matches()) {
                console.out(unquote(m.group(1)));
            } else if ((m = WRITE_SECRET.matcher(statement)).matches()) {
                console.out(secrets.getOrDefault(m.group(1), ""));
            } else if ((m = WRITE_STDERR.matcher(statement)).matches()) {
                console.err(unquote(m.group(1)));
            } else if ((m = WRITE_ERROR.matcher(statement)).matches()) {
                console.errorRecord(unquote(m.group(1)));
            } else if ((m = SLEEP.matcher(statement)).matches()) {
                long n = Long.parseLong(m.group(2));
                Thread.sleep(m.group(1).equals("Seconds") ? n * 1000 : n);
            } else if ((m = EXIT.matcher(statement)).matches()) {
                return Integer.parseInt(m.group(1));
            } else if ((m = THROW.matcher(statement)).matches()) {
                console.err(unquote(m.group(1)));
                return 1;
            } else if (!PREFERENCE.matcher(statement).matches() && !statement.startsWith("#")) {
                throw new IllegalArgumentException("the contract interpreter does not understand: " + statement);
            }
        }
        return 0;
    }

    /** Splits at line breaks and at semicolons outside single-quoted strings. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : script.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';' || c == '\n' || c == '\r')) {
                add(out, cur);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    private static String unquote(String s) {
        return s.replace("''", "'");
    }
}
