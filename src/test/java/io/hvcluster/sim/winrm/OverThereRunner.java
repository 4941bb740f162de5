package io.hvcluster.sim.winrm;

import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereProcess;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.util.DefaultAddressPortMapper;
import com.xebialabs.overthere.winrm.WinRmConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs one command through OverThere 5.3.2's real WinRM client, the way hvcluster's executor does. */
final class OverThereRunner {

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private final String url;
    private final String username;
    private final String password;
    private String winrmTimeout;

    OverThereRunner(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    static OverThereRunner against(SimulatedEndpoint endpoint) {
        return new OverThereRunner(endpoint.url(), endpoint.config().username(),
                endpoint.config().password().reveal());
    }

    OverThereRunner winrmTimeout(String xsDuration) {
        this.winrmTimeout = xsDuration;
        return this;
    }

    WinRmConnection connection() {
        URI u = URI.create(url);
        ConnectionOptions options = new ConnectionOptions();
        options.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set("connectionType", CifsConnectionType.WINRM_INTERNAL);
        options.set(ConnectionOptions.PROTOCOL, "cifs");
        options.set(ConnectionOptions.ADDRESS, u.getHost());
        options.set(ConnectionOptions.PORT, u.getPort());
        options.set(ConnectionOptions.USERNAME, username);
        options.set(ConnectionOptions.PASSWORD, password);
        if (u.getScheme().equals("https")) {
            options.set("winrmEnableHttps", true);
            options.set("winrmHttpsCertificateTrustStrategy", WinrmHttpsCertificateTrustStrategy.SELF_SIGNED);
        }
        if (winrmTimeout != null) {
            options.set("winrmTimeout", winrmTimeout);
        }
        return new WinRmConnection(options, DefaultAddressPortMapper.INSTANCE, null);
    }

    /** Runs a raw command line (OverThere wraps it in quotes), writing {@code stdin} and then closing it. */
    Outcome run(String commandLine, byte[] stdin) throws InterruptedException {
        WinRmConnection connection = connection();
        try {
            OverthereProcess process = connection.startProcess(new CmdLine().addRaw(commandLine));
            CompletableFuture<byte[]> out = drain(process.getStdout());
            CompletableFuture<byte[]> err = drain(process.getStderr());
            try (OutputStream in = process.getStdin()) {
                if (stdin != null) {
                    in.write(stdin);
                    in.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException("writing stdin failed", e);
            }
            int code = process.waitFor();
            return new Outcome(code, new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } finally {
            connection.close();
        }
    }

    Outcome run(String commandLine) throws InterruptedException {
        return run(commandLine, null);
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                // the stream ends with the process (or its failure, which waitFor reports)
            }
            return all.toByteArray();
        });
    }
}
