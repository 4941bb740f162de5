package io.hvcluster.sim.winrm;

import static io.hvcluster.sim.winrm.WsmanTestClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's answers to captured client requests have the structure of the answers Windows gave to the
 * same requests (src/test/resources/winrm-fixtures, copied from shared/winrm-fixtures).
 */
class WsmanShapeTest {

    private static final String PYPSRP_CREATE = "pypsrp/test_winrs_standard/01-Create.request.xml";
    private static final String ECHO_OUT_ERR_EXIT_1 = "pypsrp/test_winrs_stderr_rc/02-Command.request.xml";

    private SimulatedEndpoint endpoint;
    private WsmanTestClient client;

    @BeforeEach
    void start() {
        endpoint = SimulatedEndpoint.start(SimulatedHostConfig.builder("SERVER2016").build());
        client = new WsmanTestClient(endpoint);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void createResponseHasWindowsShapeAndEchoesMessageId() {
        WsmanTestClient.Reply r = client.replay(PYPSRP_CREATE, null, null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/soap+xml;charset=UTF-8");
        assertThat(XmlShape.of(r.body()))
                .isEqualTo(XmlShape.of(fixture("pypsrp/test_winrs_standard/01-Create.CreateResponse.response.xml")));
        assertThat(XmlShape.text(r.body(), WsmanNames.ADDRESSING, "RelatesTo")).isEqualTo(client.lastMessageId());
        assertThat(XmlShape.selectorShellId(r.body())).matches("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}");
        assertThat(XmlShape.text(r.body(), WsmanNames.ADDRESSING, "Address")).isEqualTo(endpoint.url());
    }

    @Test
    void commandReceiveSignalDeleteHaveWindowsShapes() {
        String shell = client.createShell(PYPSRP_CREATE);

        WsmanTestClient.Reply command = client.replay(ECHO_OUT_ERR_EXIT_1, shell, null);
        assertThat(XmlShape.of(command.body()))
                .isEqualTo(XmlShape.of(fixture("pypsrp/test_winrs_standard/02-Command.CommandResponse.response.xml")));
        String commandId = XmlShape.text(command.body(), WsmanNames.SHELL, "CommandId");
        assertThat(commandId).matches("[0-9A-F-]{36}");

        WsmanTestClient.Reply receive = client.replay("pypsrp/test_winrs_stderr_rc/03-Receive.request.xml", shell,
                commandId);
        String windows = fixture("pypsrp/test_winrs_stderr_rc/03-Receive.ReceiveResponse.response.xml");
        assertThat(receive.status()).isEqualTo(200);
        assertThat(XmlShape.of(receive.body())).isEqualTo(XmlShape.of(windows));
        assertThat(XmlShape.receiveSequence(receive.body())).isEqualTo(XmlShape.receiveSequence(windows))
                .containsExactly("Stream stdout", "Stream stderr", "Stream stdout End", "Stream stderr End",
                        "CommandState Done");
        // Same command, same bytes as Windows: cmd keeps the space before "&&".
        assertThat(XmlShape.stream(receive.body(), "stdout")).isEqualTo(XmlShape.stream(windows, "stdout"));
        assertThat(XmlShape.stream(receive.body(), "stderr")).isEqualTo(XmlShape.stream(windows, "stderr"));
        assertThat(XmlShape.text(receive.body(), WsmanNames.SHELL, "ExitCode")).isEqualTo("1");

        WsmanTestClient.Reply signal = client.replay("pypsrp/test_winrs_stderr_rc/04-Signal.request.xml", shell,
                commandId);
        assertThat(XmlShape.of(signal.body()))
                .isEqualTo(XmlShape.of(fixture("pypsrp/test_winrs_standard/04-Signal.SignalResponse.response.xml")));
        assertThat(XmlShape.text(signal.body(), WsmanNames.ADDRESSING, "RelatesTo")).isEqualTo(client.lastMessageId());

        WsmanTestClient.Reply delete = client.replay("pypsrp/test_winrs_stderr_rc/05-Delete.request.xml", shell, null);
        assertThat(delete.status()).isEqualTo(200);
        assertThat(XmlShape.of(delete.body()))
                .isEqualTo(XmlShape.of(fixture("pypsrp/test_winrs_standard/05-Delete.DeleteResponse.response.xml")));
        assertThat(endpoint.openShells()).isZero();
    }

    @Test
    void receiveOfSilentCommandTimesOutWithWindowsFaultThenStillDelivers() {
        String shell = client.createShell(PYPSRP_CREATE);
        endpoint.faults().commandSilence(Duration.ofMillis(1500));
        String commandId = client.commandLine(shell, "echo late", null);

        WsmanTestClient.Reply timedOut = client.receive(shell, commandId, "PT0.5S");

        assertThat(timedOut.status()).isEqualTo(500);
        assertThat(XmlShape.of(timedOut.body())).isEqualTo(XmlShape.of(
                fixture("pypsrp/test_winrs_operation_timeout/04-Receive.fault-w_TimedOut-2150858793.http500.response.xml")));
        assertThat(XmlShape.attribute(timedOut.body(), WsmanNames.WSMAN_FAULT, "WSManFault", "Code"))
                .isEqualTo("2150858793");
        assertThat(XmlShape.text(timedOut.body(), WsmanNames.ADDRESSING, "RelatesTo")).isEqualTo(client.lastMessageId());

        WsmanTestClient.Reply later = client.receive(shell, commandId, "PT20S");
        assertThat(later.status()).isEqualTo(200);
        assertThat(new String(XmlShape.stream(later.body(), "stdout"), StandardCharsets.US_ASCII)).isEqualTo("late\r\n");
    }

    @Test
    void unknownCommandIdIsTheWindowsInvalidSelectorsFault() {
        String shell = client.createShell(PYPSRP_CREATE);

        WsmanTestClient.Reply r = client.receive(shell, "644983A8-4292-4922-97E9-D569C2170784", "PT5S");

        assertThat(r.status()).isEqualTo(500);
        assertThat(XmlShape.of(r.body())).isEqualTo(XmlShape.of(
                fixture("pypsrp/test_winrs_bad_cmd_id/03-Receive.fault-w_InvalidSelectors-2150858843.http500.response.xml")));
        assertThat(XmlShape.attribute(r.body(), WsmanNames.WSMAN_FAULT, "WSManFault", "Code")).isEqualTo("2150858843");
    }

    @Test
    void receiveWithoutCommandIdIsInvalidParameter87() {
        String shell = client.createShell(PYPSRP_CREATE);

        WsmanTestClient.Reply r = client.replay("pypsrp/test_winrs_fail_poll_process/02-Receive.request.xml", shell,
                null);

        assertThat(r.status()).isEqualTo(500);
        assertThat(XmlShape.of(r.body())).isEqualTo(XmlShape.of(
                fixture("pypsrp/test_winrs_fail_poll_process/02-Receive.fault-w_InvalidParameter-87.http500.response.xml")));
    }

    @Test
    void negativeOperationTimeoutIsInvalidHeader() {
        String shell = client.createShell(PYPSRP_CREATE);
        String commandId = client.commandLine(shell, "hostname", null);

        WsmanTestClient.Reply r = client.receive(shell, commandId, "PT-1S");

        assertThat(r.status()).isEqualTo(500);
        assertThat(XmlShape.of(r.body())).isEqualTo(XmlShape.of(fixture(
                "pypsrp/test_psrp_is_alive_other_wsman_error/04-Get.fault-a_InvalidMessageInformationHeader-2150858767.http500.response.xml")));
        assertThat(XmlShape.text(r.body(), WsmanNames.WSMAN_FAULT, "Message")).contains("PT-1S");
    }

    @Test
    void bareExecutableWithoutCmdShellIsNotFound() {
        String shell = client.createShell(PYPSRP_CREATE);

        WsmanTestClient.Reply r = client.replay("pypsrp/test_winrs_no_cmd_shell/02-Command.request.xml", shell, null);

        assertThat(r.status()).isEqualTo(500);
        assertThat(XmlShape.of(r.body())).isEqualTo(XmlShape.of(fixture(
                "pypsrp/test_winrs_no_cmd_shell/02-Command.fault-w_InternalError-2147942402.http500.response.xml")));
    }

    @Test
    void deletedShellIsUnknown() {
        String shell = client.createShell(PYPSRP_CREATE);
        client.replay("pypsrp/test_winrs_stderr_rc/05-Delete.request.xml", shell, null);

        WsmanTestClient.Reply again = client.replay(ECHO_OUT_ERR_EXIT_1, shell, null);

        assertThat(again.status()).isEqualTo(500);
        assertThat(XmlShape.attribute(again.body(), WsmanNames.WSMAN_FAULT, "WSManFault", "Code"))
                .isEqualTo("2150858843");
        assertThat(XmlShape.text(again.body(), WsmanNames.WSMAN_FAULT, "Message"))
                .contains("ShellId " + shell + " failed because the shell was not found");
    }

    @Test
    void sendResponseHasWindowsShape() {
        String shell = client.createShell(PYPSRP_CREATE);
        String commandId = client.commandLine(shell, "powershell -Command -", null);

        WsmanTestClient.Reply r = client.replay("pypsrp/test_winrs_send/03-Send.request.xml", shell, commandId);

        assertThat(r.status()).isEqualTo(200);
        assertThat(XmlShape.of(r.body()))
                .isEqualTo(XmlShape.of(fixture("pypsrp/test_winrs_send/03-Send.SendResponse.response.xml")));
    }

    @Test
    void overThereAndPywinrmRequestFormatsAreUnderstood() {
        // OverThere: pretty-printed, namespaces on every element, Command wrapped in quotes.
        String otShell = client.createShell("generated/overthere-5.3.2-run/01-Create.request.xml");
        String otCommand = client.command("generated/overthere-5.3.2-run/02-Command.request.xml", otShell);
        // pywinrm: one line, unqualified mustUnderstand, cmd.exe + one Arguments element.
        String pwShell = client.createShell("generated/pywinrm-0.3.0-run/01-Create.request.xml");
        String pwCommand = client.command("generated/pywinrm-0.3.0-run/02-Command.request.xml", pwShell);

        WsmanTestClient.Reply ot = client.receive(otShell, otCommand, "PT5S");
        WsmanTestClient.Reply pw = client.receive(pwShell, pwCommand, "PT5S");

        // "powershell -NoProfile -Command ..." reached the (default, knows-nothing) PowerShell host:
        assertThat(new String(XmlShape.stream(ot.body(), "stderr"), StandardCharsets.US_ASCII))
                .startsWith("#< CLIXML\r\n").contains("not one the simulator knows");
        assertThat(new String(XmlShape.stream(pw.body(), "stdout"), StandardCharsets.US_ASCII)).isEqualTo("out \r\n");
        assertThat(new String(XmlShape.stream(pw.body(), "stderr"), StandardCharsets.US_ASCII)).isEqualTo("err \r\n");
        assertThat(XmlShape.text(pw.body(), WsmanNames.SHELL, "ExitCode")).isEqualTo("1");
    }

    @Test
    void codePage65001SendsUtf8And437ReplacesNonAscii() {
        String utf8Shell = client.createShell("pypsrp/test_winrs_unicode/01-Create.request.xml");
        String oemShell = client.createShell(PYPSRP_CREATE);
        String text = "Grüße こんにちは";

        String utf8Command = client.commandLine(utf8Shell, "echo " + text, null);
        String oemCommand = client.commandLine(oemShell, "echo " + text, null);

        byte[] utf8 = XmlShape.stream(client.receive(utf8Shell, utf8Command, "PT5S").body(), "stdout");
        byte[] oem = XmlShape.stream(client.receive(oemShell, oemCommand, "PT5S").body(), "stdout");
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(text + "\r\n");
        assertThat(oem).isEqualTo("Gr??e ?????\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void cmdRejectsLinesOver8191Characters() {
        String shell = client.createShell(PYPSRP_CREATE);
        String commandId = client.commandLine(shell, "echo " + "x".repeat(8200), null);

        WsmanTestClient.Reply r = client.receive(shell, commandId, "PT5S");

        assertThat(new String(XmlShape.stream(r.body(), "stderr"), StandardCharsets.US_ASCII))
                .isEqualTo("The command line is too long.\r\n");
        assertThat(XmlShape.text(r.body(), WsmanNames.SHELL, "ExitCode")).isEqualTo("1");
    }

    @Test
    void commandLineOverCreateProcessLimitIsFault() {
        String shell = client.createShell(PYPSRP_CREATE);
        String xml = fixture("generated/pywinrm-0.3.0-run/02-Command.request.xml")
                .replaceFirst("<rsp:Arguments>[^<]*</rsp:Arguments>", "<rsp:Arguments>" + "y".repeat(33000)
                        + "</rsp:Arguments>");

        WsmanTestClient.Reply r = client.post(client.rewrite(xml, shell, null));

        assertThat(r.status()).isEqualTo(500);
        assertThat(XmlShape.attribute(r.body(), WsmanNames.WSMAN_FAULT, "WSManFault", "Code")).isEqualTo("2147942606");
    }

    @Test
    void largeOutputIsSplitToFitTheClientsEnvelopeSize() {
        endpoint.close();
        String big = "0123456789abcdef".repeat(40_000) + "\r\n";
        endpoint = SimulatedEndpoint.start(SimulatedHostConfig.builder("BIG")
                .powerShellHost(inv -> PowerShellResult.success(big)).build());
        client = new WsmanTestClient(endpoint);
        String shell = client.createShell(PYPSRP_CREATE);
        String commandId = client.commandLine(shell, "powershell -NoProfile -Command Get-Big", null);

        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int receives = 0;
        String exit = null;
        while (exit == null) {
            WsmanTestClient.Reply r = client.receive(shell, commandId, "PT5S");
            receives++;
            // pywinrm and pypsrp ask for MaxEnvelopeSize 153600
            assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(153600);
            all.writeBytes(XmlShape.stream(r.body(), "stdout"));
            exit = XmlShape.text(r.body(), WsmanNames.SHELL, "ExitCode");
        }
        assertThat(all.toString(StandardCharsets.US_ASCII)).isEqualTo(big);
        assertThat(receives).isGreaterThanOrEqualTo(5);
        assertThat(exit).isEqualTo("0");
    }

    @Test
    void requestOverMaxEnvelopeSizeIs413() {
        byte[] huge = new byte[500 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThat(client.post(huge, true).status()).isEqualTo(413);
    }

    @Test
    void challengeIsShapedLikeWindows() {
        WsmanTestClient.Reply r = client.post(fixture(PYPSRP_CREATE).getBytes(StandardCharsets.UTF_8), false);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
        assertThat(r.headers().firstValue("Server")).hasValue("Microsoft-HTTPAPI/2.0");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("0");
    }

    @Test
    void shellQuotaPerUser() {
        endpoint.close();
        endpoint = SimulatedEndpoint.start(SimulatedHostConfig.builder("Q").maxShellsPerUser(2).build());
        client = new WsmanTestClient(endpoint);
        client.createShell(PYPSRP_CREATE);
        client.createShell(PYPSRP_CREATE);

        WsmanTestClient.Reply third = client.replay(PYPSRP_CREATE, null, null);

        assertThat(third.status()).isEqualTo(500);
        assertThat(XmlShape.text(third.body(), "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError",
                "error_Code")).isEqualTo("2150859173");
        // The WinRb stub has no RelatesTo; compare the fault from s:Body down to the first WMI property.
        assertThat(fromBody(XmlShape.of(third.body())).subList(0, 10))
                .isEqualTo(fromBody(XmlShape.of(fixture("winrb/wmi_error_v2.xml"))).subList(0, 10));
    }

    @Test
    void operationQuotaPerShellCountsUntilDelete() {
        endpoint.close();
        endpoint = SimulatedEndpoint.start(SimulatedHostConfig.builder("Q").maxOperationsPerShell(2).build());
        client = new WsmanTestClient(endpoint);
        String shell = client.createShell(PYPSRP_CREATE);
        client.commandLine(shell, "hostname", null);
        client.commandLine(shell, "hostname", null);

        WsmanTestClient.Reply third = client.replay(ECHO_OUT_ERR_EXIT_1, shell, null);

        assertThat(third.status()).isEqualTo(500);
        assertThat(XmlShape.text(third.body(), "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError",
                "error_Code")).isEqualTo("2150859174");
    }

    @Test
    void injectedFailuresAnswer500ForTheNextRequestsOnly() {
        endpoint.faults().failNextRequests(2);

        List<Integer> statuses = List.of(client.replay(PYPSRP_CREATE, null, null).status(),
                client.replay(PYPSRP_CREATE, null, null).status(), client.replay(PYPSRP_CREATE, null, null).status());

        assertThat(statuses).containsExactly(500, 500, 200);
    }

    @Test
    void abandonedShellsExpireAfterIdleTimeout() throws Exception {
        endpoint.close();
        endpoint = SimulatedEndpoint.start(SimulatedHostConfig.builder("IDLE").maxShellsPerUser(1)
                .idleTimeout(Duration.ofMillis(200)).build());
        client = new WsmanTestClient(endpoint);
        client.createShell(PYPSRP_CREATE);
        assertThat(client.replay(PYPSRP_CREATE, null, null).status()).isEqualTo(500);

        Thread.sleep(300);

        assertThat(client.replay(PYPSRP_CREATE, null, null).status()).isEqualTo(200);
        assertThat(endpoint.openShells()).isEqualTo(1);
    }

    private static List<String> fromBody(List<String> shape) {
        int body = shape.indexOf("  {" + WsmanNames.SOAP + "}Body[]");
        return shape.subList(body, shape.size());
    }
}
