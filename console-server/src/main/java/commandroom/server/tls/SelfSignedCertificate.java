package commandroom.server.tls;

import commandroom.server.store.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.x509.BasicConstraints;

/**
 * The embedded default's TLS identity: on first start the hub makes a self-signed certificate for
 * localhost and 127.0.0.1 (and this host's name), and keeps it in its data directory so clients
 * can pin it. The folder is the hub user's only (0700) and so is the key (0600). Production passes
 * real certificate files instead.
 */
public final class SelfSignedCertificate {

    /** Where the certificate (PEM) and its private key (PKCS#8 PEM) live. */
    public record KeyFiles(Path certificate, Path privateKey) {}

    private SelfSignedCertificate() {}

    /** Returns the files in the directory, making them first if they are missing. */
    public static KeyFiles ensure(Path directory) throws IOException {
        Path cert = directory.resolve("hub.crt");
        Path key = directory.resolve("hub.key");
        if (Files.exists(cert) && Files.exists(key)) {
            return new KeyFiles(cert, key);
        }
        PrivateFiles.directory(directory);
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256, new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X500Name name = new X500Name("CN=commandroom-hub,O=Command Room Console");
            Instant now = Instant.now();
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
            try {
                names.add(new GeneralName(GeneralName.dNSName, InetAddress.getLocalHost().getHostName()));
            } catch (IOException unknownHost) {
                // A host without a resolvable name still gets localhost and 127.0.0.1.
            }
            // Clients verify the host they dial against the certificate: the machine's own
            // addresses are named too, so that a console dialling this hub by address is let in.
            try {
                for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                    for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                        if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                            names.add(new GeneralName(GeneralName.iPAddress,
                                    address.getHostAddress().replaceAll("%.*$", "")));
                        }
                    }
                }
            } catch (IOException noInterfaces) {
                // Loopback only, then.
            }
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                    name, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            // 0600 from its first byte (no moment when the key is readable by others).
            try (OutputStream out = PrivateFiles.newOutputStream(key)) {
                out.write(pem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
            }
            Files.writeString(cert, pem(holder), StandardCharsets.US_ASCII);
            return new KeyFiles(cert, key);
        } catch (java.security.GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make a self-signed certificate", e);
        }
    }

    private static String pem(Object o) throws IOException {
        Writer w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            if (o instanceof java.security.PrivateKey k) {
                pw.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null));
            } else {
                pw.writeObject(o);
            }
        }
        return w.toString();
    }
}
