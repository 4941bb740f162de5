package io.hvcluster.sim.winrm;

/**
 * A SOAP fault as Windows' WinRM service sends it, always with HTTP 500 (PROTOCOL.md section 4). The detail
 * shapes are copied from captured faults: {@code f:WSManFault Code Machine / f:Message}, optionally preceded by
 * a {@code w:FaultDetail} URI, and {@code p:MSFT_WmiError} for quota faults ({@code winrb/wmi_error_v2.xml}).
 */
final class WsmanFault extends Exception {

    static final long TIMED_OUT = 2150858793L;
    static final long INVALID_SELECTORS = 2150858843L;
    static final long INVALID_HEADER = 2150858767L;
    static final long INVALID_PARAMETER = 87L;
    static final long FILE_NOT_FOUND = 2147942402L;
    static final long FILENAME_TOO_LONG = 2147942606L;
    static final long SHELL_QUOTA = 2150859173L;
    static final long OPERATION_QUOTA = 2150859174L;
    static final long INTERNAL_ERROR = 2150858752L;

    private static final String FAULT_DETAIL = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    private final String action;
    private final String code;
    private final String subcode;
    private final String reason;
    private final long wsmanCode;
    private final String faultDetail;
    private final String providerFault;
    private final boolean wmiError;

    private WsmanFault(String action, String code, String subcode, String reason, long wsmanCode, String message,
            String faultDetail, String providerFault, boolean wmiError) {
        super(message);
        this.action = action;
        this.code = code;
        this.subcode = subcode;
        this.reason = reason;
        this.wsmanCode = wsmanCode;
        this.faultDetail = faultDetail;
        this.providerFault = providerFault;
        this.wmiError = wmiError;
    }

    private static WsmanFault wsman(String code, String subcode, String reason, long wsmanCode, String message) {
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, code, subcode, reason, wsmanCode, message, null, null,
                false);
    }

    static WsmanFault timedOut() {
        String text = "The WS-Management service cannot complete the operation within the time specified in"
                + " OperationTimeout.  ";
        return wsman("s:Receiver", "w:TimedOut", text, TIMED_OUT, text);
    }

    static WsmanFault unknownCommand() {
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Sender", "w:InvalidSelectors", invalidSelectorsReason(),
                INVALID_SELECTORS, "The Windows Remote Shell received a request to perform an operation on a command"
                + " identifier that does not exist. Either the command has completed execution or the client"
                + " specified an invalid command identifier. ", FAULT_DETAIL + "UnexpectedSelectors", null, false);
    }

    static WsmanFault unknownShell(String shellId) {
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Sender", "w:InvalidSelectors", invalidSelectorsReason(),
                INVALID_SELECTORS, "The request for the Windows Remote Shell with ShellId " + shellId + " failed"
                + " because the shell was not found on the server. Possible causes are: the specified ShellId is"
                + " incorrect or the shell no longer exists on the server. Provide the correct ShellId or create a"
                + " new shell and retry the operation. ", FAULT_DETAIL + "UnexpectedSelectors", null, false);
    }

    static WsmanFault invalidParameter() {
        String text = "The parameter is incorrect. ";
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Sender", "w:InvalidParameter", text, INVALID_PARAMETER,
                text, FAULT_DETAIL + "InvalidValue", "Shell cmd plugin", false);
    }

    static WsmanFault invalidHeader(String detail) {
        return new WsmanFault(WsmanNames.ACTION_ADDRESSING_FAULT, "s:Sender", "a:InvalidMessageInformationHeader",
                "The WS-Management service cannot process the request. The request contains one or more invalid"
                + " SOAP headers. ", INVALID_HEADER, "The WS-Management service cannot process the request. " + detail
                + " ", null, null, false);
    }

    static WsmanFault fileNotFound() {
        String text = "The system cannot find the file specified. ";
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Receiver", "w:InternalError", text, FILE_NOT_FOUND,
                text, null, "Shell cmd plugin", false);
    }

    static WsmanFault commandLineTooLong() {
        String text = "The filename or extension is too long. ";
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Receiver", "w:InternalError", text, FILENAME_TOO_LONG,
                text, null, "Shell cmd plugin", false);
    }

    static WsmanFault shellQuota(int max) {
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Sender", "w:QuotaLimit",
                "The WS-Management service cannot process the request. The maximum number of concurrent shells for"
                + " this user has been exceeded. Close existing shells or raise the quota for this user. ",
                SHELL_QUOTA, "The WS-Management service cannot process the request. This user is allowed a maximum"
                + " number of " + max + " concurrent shells, which has been exceeded. Close existing shells or raise"
                + " the quota for this user. ", null, null, true);
    }

    static WsmanFault operationQuota(int max) {
        return new WsmanFault(WsmanNames.ACTION_WSMAN_FAULT, "s:Sender", "w:QuotaLimit",
                "The WS-Management service cannot process the request. The maximum number of concurrent operations"
                + " for this user has been exceeded. Close existing operations for this user, or raise the quota for"
                + " this user. ", OPERATION_QUOTA, "The WS-Management service cannot process the request. This user"
                + " is allowed a maximum number of " + max + " concurrent operations, which has been exceeded. Close"
                + " existing operations for this user, or raise the quota for this user. ", null, null, true);
    }

    /** Fault injection: an internal error the client cannot act on. */
    static WsmanFault injected() {
        String text = "The WS-Management service cannot process the request. hvcluster simulator: injected fault. ";
        return wsman("s:Receiver", "w:InternalError", text, INTERNAL_ERROR, text);
    }

    static WsmanFault actionNotSupported(String action) {
        return new WsmanFault(WsmanNames.ACTION_ADDRESSING_FAULT, "s:Sender", "a:ActionNotSupported",
                "The action is not supported by the service. ", 2150858754L,
                "The WS-Management service cannot process the request because the action " + action
                        + " is not supported for the resource. ", FAULT_DETAIL + "ActionMismatch", null, false);
    }

    String action() {
        return action;
    }

    private static String invalidSelectorsReason() {
        return "The WS-Management service cannot process the request because the request contained invalid"
                + " selectors for the resource. ";
    }

    /** The s:Body content. */
    String bodyXml(String machine) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<s:Fault><s:Code><s:Value>").append(code).append("</s:Value><s:Subcode><s:Value>").append(subcode)
                .append("</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">")
                .append(Xml.escape(reason)).append("</s:Text></s:Reason><s:Detail>");
        if (wmiError) {
            appendWmiError(sb);
        } else {
            if (faultDetail != null) {
                sb.append("<w:FaultDetail>").append(faultDetail).append("</w:FaultDetail>");
            }
            sb.append("<f:WSManFault xmlns:f=\"").append(WsmanNames.WSMAN_FAULT).append("\" Code=\"").append(wsmanCode)
                    .append("\" Machine=\"").append(Xml.escape(machine)).append("\"><f:Message>");
            if (providerFault != null) {
                sb.append("<f:ProviderFault provider=\"").append(providerFault)
                        .append("\" path=\"%systemroot%\\system32\\winrscmd.dll\">").append(Xml.escape(getMessage()))
                        .append("</f:ProviderFault>");
            } else {
                sb.append(Xml.escape(getMessage()));
            }
            sb.append("</f:Message></f:WSManFault>");
        }
        return sb.append("</s:Detail></s:Fault>").toString();
    }

    private void appendWmiError(StringBuilder sb) {
        String msg = Xml.escape(getMessage());
        sb.append("<p:MSFT_WmiError b:IsCIM_Error=\"true\" xmlns:b=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\""
                + " xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\""
                + " xmlns:p=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError\""
                + " xsi:type=\"p:MSFT_WmiError_Type\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
                .append("<p:CIMStatusCode xsi:type=\"cim:cimUnsignedInt\">27</p:CIMStatusCode>")
                .append("<p:Message xsi:type=\"cim:cimString\">").append(msg).append("</p:Message>")
                .append("<p:MessageID xsi:type=\"cim:cimString\">HRESULT 0x").append(Long.toHexString(wsmanCode))
                .append("</p:MessageID>")
                .append("<p:error_Category xsi:type=\"cim:cimUnsignedInt\">30</p:error_Category>")
                .append("<p:error_Code xsi:type=\"cim:cimUnsignedInt\">").append(wsmanCode).append("</p:error_Code>")
                .append("<p:error_Type xsi:type=\"cim:cimString\">HRESULT</p:error_Type>")
                .append("<p:error_WindowsErrorMessage xsi:type=\"cim:cimString\">").append(msg)
                .append("</p:error_WindowsErrorMessage></p:MSFT_WmiError>");
    }
}
