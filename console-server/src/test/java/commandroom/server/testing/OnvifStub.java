package commandroom.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for an ONVIF camera on 127.0.0.1, answering SOAP 1.2 as ONVIF's Device (ver10), Media
 * (ver10) and PTZ (ver20) services define it: GetSystemDateAndTime without a log-in; every other
 * call only with a WS-Security UsernameToken whose password digest (Base64(SHA-1(nonce + created +
 * password))) checks and whose created time is within 5 s of the camera's own clock (which the test
 * may set minutes off), else a SOAP Fault ter:NotAuthorized with HTTP 400. Two profiles (a 1080p
 * main with a PTZ configuration and a D1 sub), their RTSP addresses as the test gives them, and the
 * PTZ commands recorded. A UDP responder answers WS-Discovery Probes with a ProbeMatch.
 */
public final class OnvifStub implements AutoCloseable {

    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final HttpServer http;
    private final DatagramSocket udp;
    private final String user;
    private final String password;
    private final String mainRtsp;
    private final String name;
    private volatile Duration clockAhead = Duration.ZERO;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread responder;

    public OnvifStub(String name, String user, String password, String mainRtsp) throws IOException {
        this.name = name;
        this.user = user;
        this.password = password;
        this.mainRtsp = mainRtsp;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/onvif/", this::handle);
        http.start();
        udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        responder = new Thread(this::answerProbes, "onvif-stub-discovery");
        responder.setDaemon(true);
        responder.start();
    }

    /** The device service's address. */
    public URI deviceService() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/onvif/device_service");
    }

    /** Where Probes are answered (the test probes it directly: multicast may not route in a container). */
    public InetSocketAddress discoveryAddress() {
        return new InetSocketAddress("127.0.0.1", udp.getLocalPort());
    }

    /** The camera's clock runs this far ahead of the machine's. */
    public void clockAhead(Duration d) {
        clockAhead = d;
    }

    /** The calls that passed the log-in, by operation: "ContinuousMove Profile_1 0.50 0.00 0.00", "Stop Profile_1"... */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            byte[] in = x.getRequestBody().readAllBytes();
            Document d;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                d = f.newDocumentBuilder().parse(new ByteArrayInputStream(in));
            } catch (Exception e) {
                fault(x, "ter:WellFormed", "not XML");
                return;
            }
            Element body = (Element) d.getElementsByTagNameNS(SOAP, "Body").item(0);
            Element op = firstElement(body);
            if (op == null) {
                fault(x, "ter:InvalidArgVal", "no operation");
                return;
            }
            String operation = op.getLocalName();
            if (operation.equals("GetSystemDateAndTime")) {
                ZonedDateTime t = Instant.now().plus(clockAhead).atZone(ZoneOffset.UTC);
                ok(x, "<tds:GetSystemDateAndTimeResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                        + "<tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false"
                        + "</tt:DaylightSavings><tt:UTCDateTime><tt:Time><tt:Hour>" + t.getHour() + "</tt:Hour><tt:Minute>"
                        + t.getMinute() + "</tt:Minute><tt:Second>" + t.getSecond() + "</tt:Second></tt:Time><tt:Date>"
                        + "<tt:Year>" + t.getYear() + "</tt:Year><tt:Month>" + t.getMonthValue() + "</tt:Month><tt:Day>"
                        + t.getDayOfMonth() + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime>"
                        + "</tds:GetSystemDateAndTimeResponse>");
                return;
            }
            String refused = checkToken(d);
            if (refused != null) {
                fault(x, "ter:NotAuthorized", refused);
                return;
            }
            String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/onvif/";
            String token = text(op, "ProfileToken");
            switch (operation) {
                case "GetCapabilities" -> ok(x, "<tds:GetCapabilitiesResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                        + "<tds:Capabilities><tt:Device><tt:XAddr>" + base + "device_service</tt:XAddr></tt:Device>"
                        + "<tt:Media><tt:XAddr>" + base + "media_service</tt:XAddr></tt:Media>"
                        + "<tt:PTZ><tt:XAddr>" + base + "ptz_service</tt:XAddr></tt:PTZ></tds:Capabilities>"
                        + "</tds:GetCapabilitiesResponse>");
                case "GetProfiles" -> ok(x, "<trt:GetProfilesResponse xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\">"
                        + profile("Profile_1", "mainStream", 1920, 1080, true)
                        + profile("Profile_2", "subStream", 704, 576, false) + "</trt:GetProfilesResponse>");
                case "GetStreamUri" -> ok(x, "<trt:GetStreamUriResponse xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\">"
                        + "<trt:MediaUri><tt:Uri>" + (token.equals("Profile_1") ? mainRtsp : mainRtsp + "-sub")
                        + "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
                        + "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>");
                case "ContinuousMove" -> {
                    Element pt = (Element) op.getElementsByTagNameNS("http://www.onvif.org/ver10/schema", "PanTilt").item(0);
                    Element z = (Element) op.getElementsByTagNameNS("http://www.onvif.org/ver10/schema", "Zoom").item(0);
                    commands.add("ContinuousMove " + token + " " + (pt == null ? "-" : pt.getAttribute("x")) + " "
                            + (pt == null ? "-" : pt.getAttribute("y")) + " " + (z == null ? "-" : z.getAttribute("x")));
                    ok(x, "<tptz:ContinuousMoveResponse xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\"/>");
                }
                case "Stop" -> {
                    commands.add("Stop " + token);
                    ok(x, "<tptz:StopResponse xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\"/>");
                }
                case "GotoPreset" -> {
                    commands.add("GotoPreset " + token + " " + text(op, "PresetToken"));
                    ok(x, "<tptz:GotoPresetResponse xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\"/>");
                }
                case "SetPreset" -> {
                    commands.add("SetPreset " + token + " " + text(op, "PresetToken"));
                    ok(x, "<tptz:SetPresetResponse xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\"><tptz:PresetToken>"
                            + text(op, "PresetToken") + "</tptz:PresetToken></tptz:SetPresetResponse>");
                }
                default -> fault(x, "ter:ActionNotSupported", operation);
            }
        } finally {
            x.close();
        }
    }

    /** Null when the UsernameToken checks, else why not. */
    private String checkToken(Document d) {
        NodeList tokens = d.getElementsByTagNameNS(WSSE, "UsernameToken");
        if (tokens.getLength() == 0) {
            return "no UsernameToken";
        }
        Element t = (Element) tokens.item(0);
        String name = textNs(t, WSSE, "Username");
        Element pw = (Element) t.getElementsByTagNameNS(WSSE, "Password").item(0);
        String nonce = textNs(t, WSSE, "Nonce");
        String created = textNs(t, WSU, "Created");
        if (!user.equals(name) || pw == null || !pw.getAttribute("Type").endsWith("#PasswordDigest")) {
            return "unknown user or not a digest";
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            if (!Base64.getEncoder().encodeToString(sha1.digest()).equals(pw.getTextContent().strip())) {
                return "the password digest does not check";
            }
            Duration skew = Duration.between(Instant.parse(created), Instant.now().plus(clockAhead)).abs();
            if (skew.compareTo(Duration.ofSeconds(5)) > 0) {
                return "created " + created + " is " + skew.toSeconds() + " s off the camera's clock";
            }
        } catch (Exception e) {
            return "the token cannot be read: " + e.getMessage();
        }
        return null;
    }

    private static String profile(String token, String name, int w, int h, boolean ptz) {
        return "<trt:Profiles token=\"" + token + "\" fixed=\"true\"><tt:Name>" + name + "</tt:Name>"
                + "<tt:VideoEncoderConfiguration token=\"VideoEncoder_" + token + "\"><tt:Name>" + name + "</tt:Name>"
                + "<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>" + w + "</tt:Width><tt:Height>" + h
                + "</tt:Height></tt:Resolution></tt:VideoEncoderConfiguration>"
                + (ptz ? "<tt:PTZConfiguration token=\"PTZToken\"><tt:Name>PTZ</tt:Name><tt:NodeToken>PTZNODETOKEN"
                + "</tt:NodeToken></tt:PTZConfiguration>" : "") + "</trt:Profiles>";
    }

    private void answerProbes() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udp.receive(p);
                String probe = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                if (!probe.contains("Probe") || !probe.contains("NetworkVideoTransmitter")) {
                    continue;
                }
                int i = probe.indexOf("MessageID>");
                String id = i < 0 ? "" : probe.substring(i + 10, probe.indexOf('<', i + 10));
                String match = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP
                        + "\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\""
                        + "http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                        + "<s:Header><a:MessageID>uuid:" + java.util.UUID.randomUUID() + "</a:MessageID><a:RelatesTo>" + id
                        + "</a:RelatesTo><a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
                        + "<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action></s:Header>"
                        + "<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>urn:uuid:"
                        + "5f5a69c2-e0ae-504f-829b-00ab37a0e1f0</a:Address></a:EndpointReference><d:Types>"
                        + "dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/type/video_encoder "
                        + "onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/name/"
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                        + " onvif://www.onvif.org/hardware/DS-2DE4425IW onvif://www.onvif.org/location/city/hangzhou"
                        + "</d:Scopes><d:XAddrs>" + deviceService() + "</d:XAddrs><d:MetadataVersion>10"
                        + "</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>";
                byte[] out = match.getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                // Closed: the stub is done.
            }
        }
    }

    private static void ok(HttpExchange x, String body) throws IOException {
        send(x, 200, body);
    }

    private static void fault(HttpExchange x, String subcode, String reason) throws IOException {
        send(x, 400, "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>" + subcode
                + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">" + reason
                + "</s:Text></s:Reason></s:Fault>");
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP
                + "\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:ter=\"http://www.onvif.org/ver10/error\">"
                + "<s:Body>" + body + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }

    private static Element firstElement(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element under, String localName) {
        NodeList l = under.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    private static String textNs(Element under, String ns, String localName) {
        NodeList l = under.getElementsByTagNameNS(ns, localName);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    @Override
    public void close() {
        http.stop(0);
        udp.close();
    }
}
