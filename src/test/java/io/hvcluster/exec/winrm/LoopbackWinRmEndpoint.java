package io.hvcluster.exec.winrm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.testing.ContractScriptInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Windows WinRM service on 127.0.0.1 for OverThere 5.3.2 to run the bootstrap: Basic auth
 * with a 401 challenge, Create/Command/Send/Receive/Signal/Delete (PROTOCOL.md section 3), the bootstrap's
 * stdin framing, and its heartbeat. The script itself is played by {@link ContractScriptInterpreter}; error
 * records come back as CLIXML the way powershell.exe writes them. Test-only; the real simulator lives in sim.winrm.
 */
final class LoopbackWinRmEndpoint implements AutoCloseable {

    private static final String NS = "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
            + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\"";
    private static final Pattern ACTION = Pattern.compile("Action[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern SHELL_ID = Pattern.compile("Name=\"ShellId\"[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern COMMAND = Pattern.compile("<(?:\\w+:)?Command>([^<]*)</");
    private static final Pattern STDIN = Pattern.compile("<(?:\\w+:)?Stream[^>]*Name=\"stdin\"[^>]*>([^<]*)<");
    private static final Pattern ENCODED = Pattern.compile("-EncodedCommand (\\S+?)\"?\\s*$");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-winrm");
        t.setDaemon(true);
        return t;
    });
    private final String authorization;
    private final long heartbeatMillis;
    private final Map<String, Shell> shells = new ConcurrentHashMap<>();

    final List<String> actions = new CopyOnWriteArrayList<>();
    final List<String> bootstrapTexts = new CopyOnWriteArrayList<>();
    final List<String> stdinSeen = new CopyOnWriteArrayList<>();

    LoopbackWinRmEndpoint(String user, String password, Duration heartbeat) throws IOException {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.heartbeatMillis = heartbeat.toMillis();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/wsman", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    long count(String actionSuffix) {
        return actions.stream().filter(a -> a.endsWith(actionSuffix)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        shells.values().forEach(Shell::stop);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            ex.sendResponseHeaders(401, -1);
            ex.close();
            return;
        }
        String action = group(ACTION, body);
        actions.add(action);
        String reply;
        try {
            reply = dispatch(action, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = null;
        }
        if (reply == null) {
            ex.sendResponseHeaders(500, -1);
            ex.close();
            return;
        }
        byte[] bytes = ("<s:Envelope " + NS + "><s:Header><a:Action>" + action + "Response</a:Action></s:Header><s:Body>"
                + reply + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String dispatch(String action, String body) throws InterruptedException {
        if (action.endsWith("transfer/Create")) {
            String id = UUID.randomUUID().toString().toUpperCase();
            shells.put(id, new Shell());
            return "<x:ResourceCreated><a:Address>http://127.0.0.1/wsman</a:Address><a:ReferenceParameters>"
                    + "<w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
                    + "<w:SelectorSet><w:Selector Name=\"ShellId\">" + id + "</w:Selector></w:SelectorSet>"
                    + "</a:ReferenceParameters></x:ResourceCreated>";
        }
        Shell shell = shells.get(group(SHELL_ID, body));
        if (shell == null) {
            return null;   // Windows answers a 500 fault for an unknown shell
        }
        if (action.endsWith("shell/Command")) {
            String line = group(COMMAND, body).replace("&quot;", "\"");
            Matcher m = ENCODED.matcher(line);
            if (m.find()) {
                bootstrapTexts.add(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_16LE));
            }
            return "<rsp:CommandResponse><rsp:CommandId>" + shell.commandId + "</rsp:CommandId></rsp:CommandResponse>";
        }
        if (action.endsWith("shell/Send")) {
            byte[] chunk = Base64.getDecoder().decode(group(STDIN, body).strip());
            stdinSeen.add(new String(chunk, StandardCharsets.US_ASCII));
            shell.stdin(chunk);
            return "<rsp:SendResponse/>";
        }
        if (action.endsWith("shell/Receive")) {
            return shell.receive(heartbeatMillis);
        }
        if (action.endsWith("shell/Signal")) {
            shell.stop();
            return "<rsp:SignalResponse/>";
        }
        if (action.endsWith("transfer/Delete")) {
            shells.remove(group(SHELL_ID, body));
            shell.stop();
            return "";
        }
        return null;
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : "";
    }

    /** One shell running one bootstrap command. */
    private final class Shell {
        final String commandId = UUID.randomUUID().toString().toUpperCase();
        private final BootstrapPayload.Reader reader = new BootstrapPayload.Reader();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private boolean clixmlStarted;
        private Thread runner;
        private Integer exitCode;

        synchronized void stdin(byte[] chunk) {
            reader.feed(chunk);
            if (runner != null) {
                return;
            }
            reader.error().ifPresent(e -> finish(1, e));
            reader.payload().ifPresent(p -> {
                Map<String, String> secrets = new ConcurrentHashMap<>();
                p.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
                runner = new Thread(() -> play(p.script(), secrets), "loopback-host");
                runner.setDaemon(true);
                runner.start();
            });
        }

        private void play(String script, Map<String, String> secrets) {
            try {
                int code = ContractScriptInterpreter.run(script, secrets, new ContractScriptInterpreter.Console() {
                    @Override
                    public void out(String line) {
                        write(out, line + "\r\n");
                    }

                    @Override
                    public void err(String line) {
                        write(err, line + "\r\n");
                    }

                    @Override
                    public void errorRecord(String message) {
                        synchronized (Shell.this) {
                            if (!clixmlStarted) {
                                write(err, ClixmlText.MARKER + "\r\n");
                                clixmlStarted = true;
                            }
                        }
                        String escaped = (message + "\r\n").replace("&", "&amp;").replace("<", "&lt;")
                                .replace("\r", "_x000D_").replace("\n", "_x000A_");
                        write(err, "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                                + "<S S=\"Error\">" + escaped + "</S></Objs>");
                    }
                });
                finish(code, null);
            } catch (InterruptedException e) {
                finish(-1, null);
            } catch (RuntimeException e) {
                finish(1, e.getMessage());
            }
        }

        private synchronized void write(ByteArrayOutputStream stream, String text) {
            stream.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            notifyAll();
        }

        private synchronized void finish(int code, String error) {
            if (error != null) {
                err.writeBytes((error + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            exitCode = code;
            notifyAll();
        }

        synchronized void stop() {
            if (runner != null) {
                runner.interrupt();
            }
            if (exitCode == null) {
                exitCode = -1;
            }
            notifyAll();
        }

        /** A long poll that, like the bootstrap, writes a heartbeat to stderr when nothing else happened. */
        synchronized String receive(long heartbeat) throws InterruptedException {
            long until = System.currentTimeMillis() + heartbeat;
            while (out.size() == 0 && err.size() == 0 && exitCode == null) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    err.writeBytes((BootstrapPayload.HEARTBEAT + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    break;
                }
                wait(left);
            }
            StringBuilder r = new StringBuilder("<rsp:ReceiveResponse>");
            stream(r, "stdout", out);
            stream(r, "stderr", err);
            String state = exitCode == null ? "Running" : "Done";
            r.append("<rsp:CommandState CommandId=\"").append(commandId)
                    .append("\" State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/")
                    .append(state).append("\">");
            if (exitCode != null) {
                r.append("<rsp:ExitCode>").append(exitCode).append("</rsp:ExitCode>");
            }
            return r.append("</rsp:CommandState></rsp:ReceiveResponse>").toString();
        }

        private void stream(StringBuilder r, String name, ByteArrayOutputStream s) {
            if (s.size() > 0) {
                r.append("<rsp:Stream Name=\"").append(name).append("\" CommandId=\"").append(commandId).append("\">")
                        .append(Base64.getEncoder().encodeToString(s.toByteArray())).append("</rsp:Stream>");
                s.reset();
            }
        }
    }
}
