package io.hvcluster.sim.winrm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The structure of a SOAP message without its values: elements by namespace and local name in document order,
 * their attribute names, and whether they hold text. Two messages with the same shape differ only in IDs,
 * payloads and wording.
 */
final class XmlShape {

    /** Headers Windows adds only on some versions (Server 2016+ ActivityId); not part of the contract. */
    private static final Set<String> OPTIONAL = Set.of("{" + WsmanNames.MS_WSMAN + "}ActivityId");

    private XmlShape() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    static List<String> of(String xml) {
        List<String> out = new ArrayList<>();
        walk(parse(xml).getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element e, String indent, List<String> out) {
        String name = "{" + e.getNamespaceURI() + "}" + e.getLocalName();
        if (OPTIONAL.contains(name)) {
            return;
        }
        Set<String> attrs = new TreeSet<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attrs.add(a.getNamespaceURI() == null ? a.getLocalName()
                        : "{" + a.getNamespaceURI() + "}" + a.getLocalName());
            }
        }
        boolean hasElements = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            hasElements |= n instanceof Element;
        }
        String marker = !hasElements && !e.getTextContent().strip().isEmpty() ? " text" : "";
        out.add(indent + name + attrs + marker);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                walk(c, indent + "  ", out);
            }
        }
    }

    static String text(String xml, String ns, String localName) {
        NodeList l = parse(xml).getElementsByTagNameNS(ns, localName);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().strip();
    }

    static String attribute(String xml, String ns, String localName, String attribute) {
        NodeList l = parse(xml).getElementsByTagNameNS(ns, localName);
        return l.getLength() == 0 ? null : ((Element) l.item(0)).getAttribute(attribute);
    }

    static String selectorShellId(String xml) {
        NodeList l = parse(xml).getElementsByTagNameNS(WsmanNames.WSMAN, "Selector");
        return l.item(0).getTextContent().strip();
    }

    /** Concatenated payload of every rsp:Stream with this Name, decoded. */
    static byte[] stream(String xml, String name) {
        NodeList l = parse(xml).getElementsByTagNameNS(WsmanNames.SHELL, "Stream");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < l.getLength(); i++) {
            Element s = (Element) l.item(i);
            if (s.getAttribute("Name").equals(name)) {
                out.writeBytes(Base64.getDecoder().decode(s.getTextContent().strip()));
            }
        }
        return out.toByteArray();
    }

    /** "Stream stdout", "Stream stderr End", "CommandState Done" ...: the order of a ReceiveResponse. */
    static List<String> receiveSequence(String xml) {
        List<String> out = new ArrayList<>();
        Element body = (Element) parse(xml).getElementsByTagNameNS(WsmanNames.SHELL, "ReceiveResponse").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getLocalName().equals("Stream")) {
                    out.add("Stream " + e.getAttribute("Name") + ("true".equals(e.getAttribute("End")) ? " End" : ""));
                } else {
                    String st = e.getAttribute("State");
                    out.add(e.getLocalName() + " " + st.substring(st.lastIndexOf('/') + 1));
                }
            }
        }
        return out;
    }
}
