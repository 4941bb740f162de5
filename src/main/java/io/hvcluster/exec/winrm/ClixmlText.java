package io.hvcluster.exec.winrm;

import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Turns the CLIXML that Windows PowerShell writes to a redirected stderr ({@code #< CLIXML} then one or more
 * {@code <Objs>} documents of serialized records) into the text a person would have seen in a console.
 * Error records ({@code <S S="Error">}) are joined as they come, warnings get a "WARNING: " prefix, and
 * progress, information, verbose and debug records are dropped. {@code _xHHHH_} escapes are decoded
 * ({@code _x000D__x000A_} is a line break). Same idea as pywinrm's {@code _clean_error_msg} and Ansible's
 * {@code _parse_clixml}.
 */
final class ClixmlText {

    static final String MARKER = "#< CLIXML";
    private static final String OBJS_START = "<Objs";
    private static final String OBJS_END = "</Objs>";
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private ClixmlText() {
    }

    /** The readable form of a whole stderr text; text without CLIXML comes back unchanged. */
    static String readable(String stderr) {
        int marker = stderr.indexOf(MARKER);
        if (marker < 0) {
            return stderr;
        }
        StringBuilder out = new StringBuilder(stderr.length());
        out.append(stderr, 0, marker);
        String rest = stderr.substring(marker + MARKER.length());
        int pos = 0;
        while (pos < rest.length()) {
            int start = rest.indexOf(OBJS_START, pos);
            int end = start < 0 ? -1 : rest.indexOf(OBJS_END, start);
            if (start < 0 || end < 0) {
                out.append(plain(rest.substring(pos)));
                break;
            }
            out.append(plain(rest.substring(pos, start)));
            end += OBJS_END.length();
            out.append(documentText(rest.substring(start, end)));
            pos = end;
        }
        return out.toString();
    }

    /** For live output: the readable lines of one stderr line, which may hold CLIXML documents. */
    static String lineText(String line) {
        if (line.strip().equals(MARKER)) {
            return "";
        }
        if (!line.contains(OBJS_START)) {
            return line;
        }
        String text = readable(MARKER + line);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whatever sits between documents: repeated markers and line breaks vanish, other text stays. */
    private static String plain(String between) {
        String s = between.replace(MARKER, "");
        return s.isBlank() ? "" : s;
    }

    /** One {@code <Objs>} document as text, each line right-trimmed, ending with a line break; raw if it does not parse. */
    static String documentText(String xml) {
        NodeList nodes;
        try {
            nodes = parse(xml).getDocumentElement().getElementsByTagNameNS("*", "S");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return xml;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element s = (Element) nodes.item(i);
            String kind = s.getAttribute("S");
            if (kind.equalsIgnoreCase("Error")) {
                joined.append(s.getTextContent());
            } else if (kind.equalsIgnoreCase("Warning")) {
                joined.append("WARNING: ").append(s.getTextContent()).append("_x000A_");
            }
        }
        String text = unescape(joined.toString()).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            out.append(line.stripTrailing()).append('\n');
        }
        // Trailing blank lines carry nothing; an all-blank document (progress only) becomes empty.
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n' && (end == 1 || out.charAt(end - 2) == '\n')) {
            end--;
        }
        return out.substring(0, end);
    }

    static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static org.w3c.dom.Document parse(String xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(xml)));
    }
}
