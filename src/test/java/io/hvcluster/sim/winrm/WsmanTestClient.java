package io.hvcluster.sim.winrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts raw SOAP (captured client requests, IDs rewritten) with preemptive Basic auth, as pywinrm does. */
final class WsmanTestClient {

    private static final Pattern SHELL_ID = Pattern.compile("(Name=\"ShellId\">)[^<]*(<)");
    private static final Pattern COMMAND_ID = Pattern.compile("(CommandId=\")[^\"]*(\")");
    private static final Pattern MESSAGE_ID = Pattern.compile("(MessageID[^>]*>)[^<]*(<)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SimulatedEndpoint endpoint;
    private String lastMessageId;

    WsmanTestClient(SimulatedEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    }

    static String fixture(String path) {
        try (InputStream in = WsmanTestClient.class.getResourceAsStream("/winrm-fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured request with this shell's and command's IDs and a fresh MessageID. */
    String rewrite(String xml, String shellId, String commandId) {
        String s = xml;
        if (shellId != null) {
            s = SHELL_ID.matcher(s).replaceAll("$1" + shellId + "$2");
        }
        if (commandId != null) {
            s = COMMAND_ID.matcher(s).replaceAll("$1" + commandId + "$2");
        }
        lastMessageId = "uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        return MESSAGE_ID.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(lastMessageId) + "$2");
    }

    String lastMessageId() {
        return lastMessageId;
    }

    Reply replay(String fixturePath, String shellId, String commandId) {
        return post(rewrite(fixture(fixturePath), shellId, commandId));
    }

    Reply post(String xml) {
        return post(xml.getBytes(StandardCharsets.UTF_8), true);
    }

    Reply post(byte[] body, boolean authenticate) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authenticate) {
            String token = endpoint.config().username() + ":" + endpoint.config().password().reveal();
            b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Create a shell from a captured Create request; returns its ShellId. */
    String createShell(String createFixture) {
        Reply r = replay(createFixture, null, null);
        if (r.status() != 200) {
            throw new IllegalStateException("Create failed: " + r.status() + " " + r.body());
        }
        return XmlShape.selectorShellId(r.body());
    }

    /** Command from a captured request; returns the CommandId. */
    String command(String commandFixture, String shellId) {
        Reply r = replay(commandFixture, shellId, null);
        if (r.status() != 200) {
            throw new IllegalStateException("Command failed: " + r.status() + " " + r.body());
        }
        return XmlShape.text(r.body(), WsmanNames.SHELL, "CommandId");
    }

    /** A Command request for any command line, in pywinrm's wire format. */
    String commandLine(String shellId, String command, String codePageOptions) {
        String xml = fixture("generated/pywinrm-0.3.0-run/02-Command.request.xml")
                .replaceFirst("<rsp:Command>cmd.exe</rsp:Command><rsp:Arguments>[^<]*</rsp:Arguments>",
                        Matcher.quoteReplacement("<rsp:Command>" + Xml.escape(command) + "</rsp:Command>"));
        if (codePageOptions != null) {
            xml = xml.replace("<w:Option Name=\"WINRS_SKIP_CMD_SHELL\">FALSE</w:Option>", codePageOptions);
        }
        Reply r = post(rewrite(xml, shellId, null));
        if (r.status() != 200) {
            throw new IllegalStateException("Command failed: " + r.status() + " " + r.body());
        }
        return XmlShape.text(r.body(), WsmanNames.SHELL, "CommandId");
    }

    /** A Receive in pypsrp's format with the given OperationTimeout. */
    Reply receive(String shellId, String commandId, String operationTimeout) {
        String xml = fixture("pypsrp/test_winrs_stderr_rc/03-Receive.request.xml")
                .replaceFirst("(<wsman:OperationTimeout>)[^<]*(</wsman:OperationTimeout>)",
                        "$1" + operationTimeout + "$2");
        if (!xml.contains(">" + operationTimeout + "<")) {
            throw new IllegalStateException("fixture has no wsman:OperationTimeout to rewrite");
        }
        return post(rewrite(xml, shellId, commandId));
    }
}
