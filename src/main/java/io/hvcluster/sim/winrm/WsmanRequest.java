package io.hvcluster.sim.winrm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a SOAP request the server acts on, read by namespace and local name only: clients use
 * different prefixes ({@code env}/{@code s}, {@code a}/{@code wsa}), declare namespaces on every element
 * (OverThere) or once (pywinrm), pretty-print or not, and qualify {@code mustUnderstand} or not.
 */
final class WsmanRequest {

    private static final DocumentBuilderFactory FACTORY = newFactory();

    private final String action;
    private final String messageId;
    private final Map<String, String> selectors;
    private final Map<String, String> options;
    private final String operationTimeout;
    private final String maxEnvelopeSize;
    private final Element body;

    private WsmanRequest(Element envelope) {
        Element header = child(envelope, WsmanNames.SOAP, "Header");
        this.action = text(header, WsmanNames.ADDRESSING, "Action");
        this.messageId = text(header, WsmanNames.ADDRESSING, "MessageID");
        this.operationTimeout = text(header, WsmanNames.WSMAN, "OperationTimeout");
        this.maxEnvelopeSize = text(header, WsmanNames.WSMAN, "MaxEnvelopeSize");
        this.selectors = named(child(header, WsmanNames.WSMAN, "SelectorSet"), "Selector");
        this.options = named(child(header, WsmanNames.WSMAN, "OptionSet"), "Option");
        Element b = child(envelope, WsmanNames.SOAP, "Body");
        this.body = b == null ? null : firstElement(b);
    }

    /** Parses a request body; a document that is not a SOAP 1.2 envelope yields empty. */
    static Optional<WsmanRequest> parse(byte[] xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            Element root = doc.getDocumentElement();
            if (!WsmanNames.SOAP.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
                return Optional.empty();
            }
            return Optional.of(new WsmanRequest(root));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    String action() {
        return action;
    }

    /** The request's MessageID, or null when the client sent none. */
    String messageId() {
        return messageId;
    }

    Optional<String> selector(String name) {
        return Optional.ofNullable(selectors.get(name));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean optionIsTrue(String name, boolean absent) {
        return option(name).map(v -> v.equalsIgnoreCase("true")).orElse(absent);
    }

    Optional<String> operationTimeout() {
        return Optional.ofNullable(operationTimeout);
    }

    Optional<String> maxEnvelopeSize() {
        return Optional.ofNullable(maxEnvelopeSize);
    }

    /** The first element inside s:Body, or null for an empty body (Delete). */
    Element body() {
        return body;
    }

    static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Trimmed text of the named child, or null. */
    static String text(Element parent, String ns, String localName) {
        Element e = child(parent, ns, localName);
        return e == null ? null : e.getTextContent().strip();
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Map<String, String> named(Element set, String localName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : children(set, WsmanNames.WSMAN, localName)) {
            out.put(e.getAttribute("Name"), e.getTextContent().strip());
        }
        return out;
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        try {
            // A test server still must not fetch DTDs or expand entities from whatever it is sent.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks secure processing", e);
        }
        return f;
    }
}
