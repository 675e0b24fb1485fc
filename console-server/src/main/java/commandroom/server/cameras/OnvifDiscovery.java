package commandroom.server.cameras;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Discovery as ONVIF uses it: a Probe for NetworkVideoTransmitter sent over UDP to port 3702
 * (by default the multicast group 239.255.255.250), and the ProbeMatches that come back within a
 * wait: each device's endpoint, its service addresses (XAddrs) and its scopes (name, hardware,
 * location as the installer set them).
 */
public final class OnvifDiscovery {

    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String DISCOVERY = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    /** ONVIF's multicast group and port (WS-Discovery, April 2005, as ONVIF's core spec fixes it). */
    public static final InetSocketAddress MULTICAST = new InetSocketAddress("239.255.255.250", 3702);

    /** A device that answered. */
    public record Found(String endpoint, List<String> xaddrs, List<String> scopes) {

        /** A scope's value, e.g. "name" from onvif://www.onvif.org/name/..., URL-decoded; "" when none. */
        public String scope(String kind) {
            String prefix = "onvif://www.onvif.org/" + kind + "/";
            return scopes.stream().filter(s -> s.startsWith(prefix)).findFirst()
                    .map(s -> java.net.URLDecoder.decode(s.substring(prefix.length()), StandardCharsets.UTF_8)).orElse("");
        }
    }

    private OnvifDiscovery() {}

    /** The Probe, as WS-Discovery writes it (SOAP 1.2). */
    static String probe(String messageId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + OnvifSoap.SOAP + "\" xmlns:a=\""
                + ADDRESSING + "\" xmlns:d=\"" + DISCOVERY + "\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
                + "<s:Header><a:Action s:mustUnderstand=\"1\">" + DISCOVERY + "/Probe</a:Action><a:MessageID>" + messageId
                + "</a:MessageID><a:ReplyTo><a:Address>" + ADDRESSING + "/role/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
                + "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
    }

    /** Probes and collects the answers that come within the wait, one per device (by endpoint). */
    public static List<Found> probe(InetSocketAddress to, Duration wait) throws IOException {
        String id = "uuid:" + UUID.randomUUID();
        byte[] probe = probe(id).getBytes(StandardCharsets.UTF_8);
        Map<String, Found> found = new LinkedHashMap<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(probe, probe.length, to));
            long end = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[65_535];
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
                try {
                    for (Found f : matches(OnvifSoap.parse(data), id)) {
                        found.putIfAbsent(f.endpoint(), f);
                    }
                } catch (IOException e) {
                    // Something else on 3702 answered, or a broken answer: not a device of ours.
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static List<Found> matches(Document d, String id) {
        List<Found> out = new ArrayList<>();
        String relates = OnvifSoap.text(d, ADDRESSING, "RelatesTo");
        if (!relates.isEmpty() && !relates.equals(id)) {
            return out;
        }
        for (Element m : OnvifSoap.all(d, DISCOVERY, "ProbeMatch")) {
            String endpoint = OnvifSoap.text(m, ADDRESSING, "Address");
            List<String> xaddrs = split(OnvifSoap.text(m, DISCOVERY, "XAddrs"));
            if (!xaddrs.isEmpty()) {
                out.add(new Found(endpoint.isEmpty() ? xaddrs.get(0) : endpoint, xaddrs,
                        split(OnvifSoap.text(m, DISCOVERY, "Scopes"))));
            }
        }
        return out;
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }
}
