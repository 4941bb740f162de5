package io.hvcluster.sim.winrm;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP face of the WinRM service: POST /wsman, Basic authentication with Windows' 401 challenge, the
 * MaxEnvelopeSizekb limit (HTTP 413), injected latency and faults, then the SOAP operation.
 */
final class WsmanHttpHandler implements HttpHandler {

    static final String PATH = "/wsman";
    private static final String SERVER = "Microsoft-HTTPAPI/2.0";
    private static final String SOAP_CONTENT_TYPE = "application/soap+xml;charset=UTF-8";

    private final SimulatedHostConfig config;
    private final WinRsService service;
    private final FaultInjection faults;
    private final RequestStatistics statistics;

    WsmanHttpHandler(SimulatedHostConfig config, WinRsService service, FaultInjection faults,
            RequestStatistics statistics) {
        this.config = config;
        this.service = service;
        this.faults = faults;
        this.statistics = statistics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            statistics.httpRequest();
            exchange.getResponseHeaders().set("Server", SERVER);
            if (!exchange.getRequestURI().getPath().equalsIgnoreCase(PATH)) {
                discard(exchange.getRequestBody());
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                discard(exchange.getRequestBody());
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Optional<WinRmLogon> user = authenticate(exchange);
            if (user.isEmpty()) {
                discard(exchange.getRequestBody());
                statistics.unauthorized();
                if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
                    statistics.failedLogon();
                }
                Headers h = exchange.getResponseHeaders();
                h.add("WWW-Authenticate", "Negotiate");
                h.add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            int limit = config.maxEnvelopeSizeKb() * 1024;
            byte[] body = readAtMost(exchange.getRequestBody(), limit);
            if (body == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            CmdShell.sleep(faults.requestLatency());
            RequestContext context = context(exchange, user.get());
            Optional<WsmanRequest> request = WsmanRequest.parse(body);
            if (request.isEmpty()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            statistics.operation(request.get().action());
            WsmanReply reply = faults.takeFailure()
                    ? WinRsService.fault(WsmanFault.injected(), request.get(), context)
                    : service.handle(request.get(), context);
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", SOAP_CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            // The endpoint is shutting down; the connection is closed with the exchange.
            Thread.currentThread().interrupt();
        }
    }

    private Optional<WinRmLogon> authenticate(HttpExchange exchange) {
        if (faults.rejectAllCredentials()) {
            return Optional.empty();
        }
        boolean encrypted = config.https();
        if (!encrypted && !config.allowUnencrypted()) {
            return Optional.empty();
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Negotiate ", 0, 10) && config.kerberos().isPresent()) {
            return negotiate(header.substring(10).strip());
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.password().reveal().getBytes(StandardCharsets.UTF_8);
        // Windows account names are case-insensitive; passwords are not.
        boolean ok = user.toLowerCase(Locale.ROOT).equals(config.username().toLowerCase(Locale.ROOT))
                & MessageDigest.isEqual(given, expected);
        return ok ? Optional.of(WinRmLogon.basic(user)) : Optional.empty();
    }

    /** A Kerberos logon for the configured account, through the GSS acceptor (docs/second-hop.md). */
    private Optional<WinRmLogon> negotiate(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return config.kerberos().get().accept(bytes)
                .filter(a -> a.principal().equalsIgnoreCase(config.username()))
                .map(a -> new WinRmLogon(a.principal(), WinRmLogon.NEGOTIATE, a.delegated()));
    }

    private RequestContext context(HttpExchange exchange, WinRmLogon logon) {
        String user = logon.user();
        String hostHeader = exchange.getRequestHeaders().getFirst("Host");
        String authority = hostHeader == null
                ? "127.0.0.1:" + exchange.getLocalAddress().getPort() : hostHeader;
        String scheme = config.https() ? "https" : "http";
        String machine = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                : authority.replaceFirst(":\\d+$", "");
        return new RequestContext(user, scheme + "://" + authority + PATH,
                exchange.getRemoteAddress().getAddress().getHostAddress(), machine, logon);
    }

    /** The whole body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            discard(in);
            return null;
        }
        return body;
    }

    private static void discard(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }
}
