package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The six WinRS operations on the cmd resource URI (Create, Command, Send, Receive, Signal, Delete) with
 * Windows' answers and faults ([MS-WSMV] 3.1.4; PROTOCOL.md sections 3 to 7). Transport concerns (HTTP, auth,
 * injection) are in {@link WsmanHttpHandler}.
 */
final class WinRsService {

    /** CreateProcess's limit for a whole command line (Raymond Chen, 2003). */
    private static final int CREATE_PROCESS_MAX_LINE = 32767;
    /** Room left in a Receive response for everything but the streams. */
    private static final int ENVELOPE_OVERHEAD = 2048;
    private static final List<String> KNOWN_EXECUTABLES = List.of("cmd", "powershell", "hostname");

    private final SimulatedHostConfig config;
    private final ShellRegistry shells;
    private final CommandHandler handler;
    private final SimulatedMachine machine;

    WinRsService(SimulatedHostConfig config, ShellRegistry shells, CommandHandler handler, SimulatedMachine machine) {
        this.config = config;
        this.shells = shells;
        this.handler = handler;
        this.machine = machine;
    }

    WsmanReply handle(WsmanRequest request, RequestContext context) throws InterruptedException {
        try {
            Duration operationTimeout = operationTimeout(request);
            int envelopeLimit = envelopeLimit(request);
            String action = request.action() == null ? "" : request.action();
            String body = switch (action) {
                case WsmanNames.ACTION_CREATE -> create(request, context);
                case WsmanNames.ACTION_COMMAND -> command(request, context);
                case WsmanNames.ACTION_SEND -> send(request);
                case WsmanNames.ACTION_RECEIVE -> receive(request, operationTimeout, envelopeLimit);
                case WsmanNames.ACTION_SIGNAL -> signal(request);
                case WsmanNames.ACTION_DELETE -> delete(request);
                default -> throw WsmanFault.actionNotSupported(action);
            };
            return new WsmanReply(200, WsmanEnvelope.response(action + "Response", request.messageId(), body));
        } catch (WsmanFault fault) {
            return fault(fault, request, context);
        }
    }

    static WsmanReply fault(WsmanFault fault, WsmanRequest request, RequestContext context) {
        String relatesTo = request == null ? null : request.messageId();
        return new WsmanReply(500, WsmanEnvelope.fault(fault, relatesTo, context.machine()));
    }

    private Duration operationTimeout(WsmanRequest request) throws WsmanFault {
        Duration max = config.maxTimeout();
        if (request.operationTimeout().isEmpty()) {
            return max;
        }
        String raw = request.operationTimeout().get();
        try {
            Duration d = Duration.parse(raw);
            if (d.isNegative()) {
                throw invalidTimeout(raw);
            }
            return d.compareTo(max) > 0 ? max : d;
        } catch (DateTimeParseException e) {
            throw invalidTimeout(raw);
        }
    }

    private static WsmanFault invalidTimeout(String raw) {
        return WsmanFault.invalidHeader("The XML contains an invalid timeout field in the SOAP header: " + raw + ".");
    }

    private int envelopeLimit(WsmanRequest request) throws WsmanFault {
        int limit = config.maxEnvelopeSizeKb() * 1024;
        if (request.maxEnvelopeSize().isPresent()) {
            try {
                long asked = Long.parseLong(request.maxEnvelopeSize().get());
                if (asked < 8192) {
                    throw WsmanFault.invalidHeader("The MaxEnvelopeSize " + asked + " is below the minimum of 8192.");
                }
                limit = (int) Math.min(limit, asked);
            } catch (NumberFormatException e) {
                throw WsmanFault.invalidHeader("The XML contains an invalid MaxEnvelopeSize: "
                        + request.maxEnvelopeSize().get() + ".");
            }
        }
        return limit;
    }

    private String create(WsmanRequest request, RequestContext context) throws WsmanFault {
        Element shellElement = request.body();
        Map<String, String> environment = new LinkedHashMap<>();
        Element env = WsmanRequest.child(shellElement, WsmanNames.SHELL, "Environment");
        for (Element v : WsmanRequest.children(env, WsmanNames.SHELL, "Variable")) {
            environment.put(v.getAttribute("Name"), v.getTextContent());
        }
        String workingDirectory = WsmanRequest.text(shellElement, WsmanNames.SHELL, "WorkingDirectory");
        if (workingDirectory == null || workingDirectory.isEmpty()) {
            workingDirectory = "C:\\Users\\" + context.user();
        }
        int codePage = CodePage.DEFAULT;
        if (request.option("WINRS_CODEPAGE").isPresent()) {
            try {
                codePage = Integer.parseInt(request.option("WINRS_CODEPAGE").get());
            } catch (NumberFormatException e) {
                throw WsmanFault.invalidParameter();
            }
        }
        Shell shell = shells.create(context.user(), CodePage.of(codePage), environment, workingDirectory);
        String id = shell.id();
        String idle = String.format(Locale.ROOT, "PT%d.%03dS", config.idleTimeout().toSeconds(),
                config.idleTimeout().toMillisPart());
        return "<x:ResourceCreated><a:Address>" + Xml.escape(context.endpointUrl()) + "</a:Address>"
                + "<a:ReferenceParameters><w:ResourceURI>" + WsmanNames.CMD_RESOURCE_URI + "</w:ResourceURI>"
                + "<w:SelectorSet><w:Selector Name=\"ShellId\">" + id + "</w:Selector></w:SelectorSet>"
                + "</a:ReferenceParameters></x:ResourceCreated>"
                + "<rsp:Shell xmlns:rsp=\"" + WsmanNames.SHELL + "\"><rsp:ShellId>" + id + "</rsp:ShellId>"
                + "<rsp:ResourceUri>" + WsmanNames.CMD_RESOURCE_URI + "</rsp:ResourceUri>"
                + "<rsp:Owner>" + Xml.escape(context.user()) + "</rsp:Owner>"
                + "<rsp:ClientIP>" + Xml.escape(context.clientIp()) + "</rsp:ClientIP>"
                + "<rsp:IdleTimeOut>" + idle + "</rsp:IdleTimeOut>"
                + "<rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams>"
                + "<rsp:ShellRunTime>P0DT0H0M0S</rsp:ShellRunTime><rsp:ShellInactivity>P0DT0H0M0S"
                + "</rsp:ShellInactivity></rsp:Shell>";
    }

    private Shell shell(WsmanRequest request) throws WsmanFault {
        String id = request.selector("ShellId").orElseThrow(() -> WsmanFault.unknownShell(""));
        return shells.find(id);
    }

    private String command(WsmanRequest request, RequestContext context) throws WsmanFault {
        Shell shell = shell(request);
        Element commandLine = request.body();
        String command = WsmanRequest.text(commandLine, WsmanNames.SHELL, "Command");
        if (commandLine == null || command == null) {
            throw WsmanFault.invalidParameter();
        }
        StringBuilder line = new StringBuilder(command);
        for (Element a : WsmanRequest.children(commandLine, WsmanNames.SHELL, "Arguments")) {
            line.append(' ').append(a.getTextContent());
        }
        boolean skipCmdShell = request.optionIsTrue("WINRS_SKIP_CMD_SHELL", false);
        boolean consoleModeStdin = request.optionIsTrue("WINRS_CONSOLEMODE_STDIN", true);
        String full = skipCmdShell ? line.toString() : "cmd.exe /c " + line;
        if (full.length() > CREATE_PROCESS_MAX_LINE) {
            throw WsmanFault.commandLineTooLong();
        }
        if (skipCmdShell) {
            requireLaunchable(line.toString().strip());
        }
        if (!shell.reserveOperation(config.maxOperationsPerShell())) {
            throw WsmanFault.operationQuota(config.maxOperationsPerShell());
        }
        String requestedId = commandLine.getAttribute("CommandId");
        String id = (requestedId.isEmpty() ? UUID.randomUUID().toString() : requestedId).toUpperCase(Locale.ROOT);
        ShellCommand shellCommand = new ShellCommand(id, shell.codePage());
        shell.add(shellCommand);
        shellCommand.attach(handler.start(new CommandRequest(line.toString(), skipCmdShell, consoleModeStdin,
                shell.environment(), shell.workingDirectory(), machine, context.logon()), shellCommand));
        return "<rsp:CommandResponse><rsp:CommandId>" + id + "</rsp:CommandId></rsp:CommandResponse>";
    }

    /**
     * Without cmd.exe, WinRS starts the executable itself and does not search PATH: a bare
     * {@code powershell.exe} is not found (pypsrp test_winrs_no_cmd_shell), a full path is.
     */
    private static void requireLaunchable(String line) throws WsmanFault {
        String word = CmdShell.firstWord(line);
        String path = word.replace("\"", "");
        boolean absolute = path.length() > 2 && path.charAt(1) == ':' && path.indexOf('\\') > 0;
        if (!absolute || !KNOWN_EXECUTABLES.contains(CmdShell.programName(word))) {
            throw WsmanFault.fileNotFound();
        }
    }

    private String send(WsmanRequest request) throws WsmanFault {
        Shell shell = shell(request);
        for (Element stream : WsmanRequest.children(request.body(), WsmanNames.SHELL, "Stream")) {
            ShellCommand command = command(shell, stream.getAttribute("CommandId"));
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(stream.getTextContent().strip());
            } catch (IllegalArgumentException e) {
                throw WsmanFault.invalidParameter();
            }
            command.stdin(bytes, "true".equalsIgnoreCase(stream.getAttribute("End")));
        }
        return "<rsp:SendResponse/>";
    }

    private String receive(WsmanRequest request, Duration timeout, int envelopeLimit)
            throws WsmanFault, InterruptedException {
        Shell shell = shell(request);
        Element desired = WsmanRequest.child(request.body(), WsmanNames.SHELL, "DesiredStream");
        ShellCommand command = command(shell, desired == null ? "" : desired.getAttribute("CommandId"));
        ReceivedOutput output;
        try {
            output = command.receive(timeout, envelopeLimit - ENVELOPE_OVERHEAD);
        } catch (ShellCommand.CommandGoneException e) {
            throw WsmanFault.unknownCommand();
        }
        if (output.timedOut()) {
            throw WsmanFault.timedOut();
        }
        String id = command.id();
        StringBuilder sb = new StringBuilder("<rsp:ReceiveResponse>");
        Base64.Encoder b64 = Base64.getEncoder();
        for (OutputChunk chunk : output.chunks()) {
            sb.append("<rsp:Stream Name=\"").append(chunk.stream()).append("\" CommandId=\"").append(id).append("\">")
                    .append(b64.encodeToString(chunk.bytes())).append("</rsp:Stream>");
        }
        if (output.exitCode().isPresent()) {
            sb.append("<rsp:Stream Name=\"stdout\" CommandId=\"").append(id).append("\" End=\"true\"></rsp:Stream>")
                    .append("<rsp:Stream Name=\"stderr\" CommandId=\"").append(id).append("\" End=\"true\"></rsp:Stream>")
                    .append("<rsp:CommandState CommandId=\"").append(id).append("\" State=\"")
                    .append(WsmanNames.STATE_DONE).append("\"><rsp:ExitCode>").append(output.exitCode().getAsInt())
                    .append("</rsp:ExitCode></rsp:CommandState>");
        } else {
            sb.append("<rsp:CommandState CommandId=\"").append(id).append("\" State=\"")
                    .append(WsmanNames.STATE_RUNNING).append("\"></rsp:CommandState>");
        }
        return sb.append("</rsp:ReceiveResponse>").toString();
    }

    private String signal(WsmanRequest request) throws WsmanFault {
        Shell shell = shell(request);
        Element signal = request.body();
        ShellCommand command = command(shell, signal == null ? "" : signal.getAttribute("CommandId"));
        String code = WsmanRequest.text(signal, WsmanNames.SHELL, "Code");
        if (code == null) {
            throw WsmanFault.invalidParameter();
        }
        String c = code.toLowerCase(Locale.ROOT);
        if (c.equals(WsmanNames.SIGNAL_TERMINATE) || c.equals(WsmanNames.SIGNAL_CTRL_C)
                || c.equals(WsmanNames.SIGNAL_CTRL_BREAK)) {
            command.terminate();
        } else {
            throw WsmanFault.invalidParameter();
        }
        return "<rsp:SignalResponse/>";
    }

    private String delete(WsmanRequest request) throws WsmanFault {
        String id = request.selector("ShellId").orElseThrow(() -> WsmanFault.unknownShell(""));
        if (shells.remove(id).isEmpty()) {
            throw WsmanFault.unknownShell(id);
        }
        return "";
    }

    private static ShellCommand command(Shell shell, String commandId) throws WsmanFault {
        if (commandId == null || commandId.isEmpty()) {
            throw WsmanFault.invalidParameter();
        }
        return shell.command(commandId).orElseThrow(WsmanFault::unknownCommand);
    }
}
