package io.hvcluster.sim.winrm;

import java.util.Locale;
import java.util.UUID;

/** Writes response envelopes with the header and namespace declarations Windows uses (pypsrp captures). */
final class WsmanEnvelope {

    private static final String NS_RESPONSE = " xmlns:s=\"" + WsmanNames.SOAP + "\" xmlns:a=\"" + WsmanNames.ADDRESSING
            + "\" xmlns:x=\"" + WsmanNames.TRANSFER + "\" xmlns:w=\"" + WsmanNames.WSMAN + "\" xmlns:rsp=\""
            + WsmanNames.SHELL + "\" xmlns:p=\"" + WsmanNames.MS_WSMAN + "\"";
    private static final String NS_FAULT = " xmlns:s=\"" + WsmanNames.SOAP + "\" xmlns:a=\"" + WsmanNames.ADDRESSING
            + "\" xmlns:x=\"" + WsmanNames.TRANSFER + "\" xmlns:e=\"" + WsmanNames.EVENTING + "\" xmlns:n=\""
            + WsmanNames.ENUMERATION + "\" xmlns:w=\"" + WsmanNames.WSMAN + "\" xmlns:p=\"" + WsmanNames.MS_WSMAN + "\"";

    private WsmanEnvelope() {
    }

    static String response(String action, String relatesTo, String bodyXml) {
        return envelope(NS_RESPONSE, action, relatesTo, bodyXml);
    }

    static String fault(WsmanFault fault, String relatesTo, String machine) {
        return envelope(NS_FAULT, fault.action(), relatesTo, fault.bodyXml(machine));
    }

    static String newMessageId() {
        return "uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    private static String envelope(String namespaces, String action, String relatesTo, String bodyXml) {
        StringBuilder sb = new StringBuilder(bodyXml.length() + 1024);
        sb.append("<s:Envelope xml:lang=\"en-US\"").append(namespaces).append("><s:Header><a:Action>").append(action)
                .append("</a:Action><a:MessageID>").append(newMessageId()).append("</a:MessageID><a:To>")
                .append(WsmanNames.ANONYMOUS).append("</a:To>");
        if (relatesTo != null) {
            sb.append("<a:RelatesTo>").append(Xml.escape(relatesTo)).append("</a:RelatesTo>");
        }
        sb.append("</s:Header><s:Body>").append(bodyXml).append("</s:Body></s:Envelope>");
        return sb.toString();
    }
}
