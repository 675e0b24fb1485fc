package commandroom.server.cameras;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The SOAP an ONVIF client needs, written by hand (no ONVIF library is served here): SOAP 1.2
 * envelopes, the WS-Security UsernameToken with a password digest (Base64(SHA-1(nonce + created +
 * password)), the created time on the device's clock), and namespace-aware reading of answers
 * with DOCTYPEs refused.
 */
final class OnvifSoap {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String SCHEMA = "http://www.onvif.org/ver10/schema";
    static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DIGEST = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OnvifSoap() {}

    /** An envelope around a body; with a user, the UsernameToken created at the device's now. */
    static String envelope(String body, String user, String password, Instant deviceNow) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<s:Envelope xmlns:s=\"").append(SOAP).append("\" xmlns:tt=\"").append(SCHEMA).append("\">");
        if (user != null && !user.isEmpty()) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            String created = deviceNow.truncatedTo(ChronoUnit.SECONDS).toString();
            b.append("<s:Header><wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"").append(WSSE)
                    .append("\" xmlns:wsu=\"").append(WSU).append("\"><wsse:UsernameToken><wsse:Username>")
                    .append(escape(user)).append("</wsse:Username><wsse:Password Type=\"").append(DIGEST).append("\">")
                    .append(digest(nonce, created, password)).append("</wsse:Password><wsse:Nonce EncodingType=\"")
                    .append(BASE64).append("\">").append(Base64.getEncoder().encodeToString(nonce))
                    .append("</wsse:Nonce><wsu:Created>").append(created).append("</wsu:Created>")
                    .append("</wsse:UsernameToken></wsse:Security></s:Header>");
        }
        return b.append("<s:Body>").append(body).append("</s:Body></s:Envelope>").toString();
    }

    /** WS-Security's password digest: Base64(SHA-1(nonce + created + password)). */
    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not an ONVIF answer: " + e.getMessage(), e);
        }
    }

    /** Elements of a namespace and name anywhere under a node, in document order. */
    static List<Element> all(Node under, String ns, String name) {
        NodeList list = under instanceof Document d ? d.getElementsByTagNameNS(ns, name)
                : ((Element) under).getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** The text of the first such element, or "". */
    static String text(Node under, String ns, String name) {
        List<Element> e = all(under, ns, name);
        return e.isEmpty() ? "" : e.get(0).getTextContent().strip();
    }
}
