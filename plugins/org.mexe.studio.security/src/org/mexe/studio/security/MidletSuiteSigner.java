package org.mexe.studio.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MIDP 2.0 signed MIDlet suites (JSR 118, "Trusted MIDlet Suites using X.509 PKI"): the JAD
 * carries {@code MIDlet-Jar-RSA-SHA1}, the base64 RSA PKCS#1 v1.5 SHA-1 signature of the JAR's
 * bytes, and {@code MIDlet-Certificate-1-m}, the signer's chain in base64 DER, signer first and
 * without the root (which the phone has in its protection domain).
 */
public final class MidletSuiteSigner {

    public static final String JAR_SIGNATURE = "MIDlet-Jar-RSA-SHA1";
    public static final String CERTIFICATE_PREFIX = "MIDlet-Certificate-1-";
    public static final String JAR_SIZE = "MIDlet-Jar-Size";

    private MidletSuiteSigner() {
    }

    /** A JAD's attributes in file order. Each line is {@code Name: value}. */
    public record Jad(Map<String, String> attributes) {

        public Jad {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public static Jad parse(String text) throws SignatureInvalidException {
            Map<String, String> attributes = new LinkedHashMap<>();
            int lineNumber = 0;
            for (String line : text.split("\r?\n")) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new SignatureInvalidException("JAD line " + lineNumber + " is not 'Name: value': " + line);
                }
                String name = line.substring(0, colon).strip();
                if (name.isEmpty()) {
                    // Found by fuzzing: a line of white space and control characters before its colon.
                    throw new SignatureInvalidException("JAD line " + lineNumber + " has no attribute name before its ':'.");
                }
                attributes.put(name, line.substring(colon + 1).strip());
            }
            return new Jad(attributes);
        }

        public String write() {
            return attributes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\n").collect(Collectors.joining());
        }

        public byte[] bytes() {
            return write().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The JAD with the JAR's size, signature and certificate chain set; other attributes kept in order. */
    public static Jad sign(Jad jad, byte[] jar, SigningIdentity signer) throws KeystoreException {
        Map<String, String> attributes = new LinkedHashMap<>();
        jad.attributes().forEach((name, value) -> {
            if (!name.equals(JAR_SIGNATURE) && !name.startsWith(CERTIFICATE_PREFIX)) {
                attributes.put(name, value);
            }
        });
        attributes.put(JAR_SIZE, Integer.toString(jar.length));
        try {
            List<X509Certificate> chain = signer.chain();
            // The root is the phone's, not the suite's: leave a self-signed last certificate out.
            int sent = chain.size() > 1 && isSelfSigned(chain.get(chain.size() - 1)) ? chain.size() - 1 : chain.size();
            for (int i = 0; i < sent; i++) {
                attributes.put(CERTIFICATE_PREFIX + (i + 1), Base64.getEncoder().encodeToString(chain.get(i).getEncoded()));
            }
            Signature signature = Signature.getInstance("SHA1withRSA");
            signature.initSign(signer.key());
            signature.update(jar);
            attributes.put(JAR_SIGNATURE, Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("Cannot sign the MIDlet suite with " + signer.origin() + ": " + e.getMessage(), e);
        }
        return new Jad(attributes);
    }

    /**
     * Checks a signed suite as a MIDP 2.0 phone would: JAR size, signature over the JAR, and the
     * chain to one of {@code trusted} (the protection domain roots). Returns the signer.
     */
    public static X509Certificate verify(Jad jad, byte[] jar, Set<X509Certificate> trusted) throws SignatureInvalidException {
        return verify(jad, jar, TrustPolicy.of(trusted));
    }

    /** As {@link #verify(Jad, byte[], Set)}, under a trust policy that may hold CRLs. */
    public static X509Certificate verify(Jad jad, byte[] jar, TrustPolicy trust) throws SignatureInvalidException {
        Map<String, String> attributes = jad.attributes();
        String size = attributes.get(JAR_SIZE);
        if (size != null && !size.equals(Integer.toString(jar.length))) {
            throw new SignatureInvalidException("The JAR has " + jar.length + " bytes but the JAD says " + JAR_SIZE + ": " + size + ".");
        }
        String encodedSignature = attributes.get(JAR_SIGNATURE);
        if (encodedSignature == null) {
            throw new SignatureInvalidException("The JAD has no " + JAR_SIGNATURE + ": the suite is not signed.");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (int m = 1; attributes.containsKey(CERTIFICATE_PREFIX + m); m++) {
                byte[] der = Base64.getDecoder().decode(attributes.get(CERTIFICATE_PREFIX + m));
                chain.add((X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der)));
            }
            if (chain.isEmpty()) {
                throw new SignatureInvalidException("The JAD has no " + CERTIFICATE_PREFIX + "1: the signer is unknown.");
            }
            Signature signature = Signature.getInstance("SHA1withRSA");
            signature.initVerify(chain.get(0).getPublicKey());
            signature.update(jar);
            if (!signature.verify(Base64.getDecoder().decode(encodedSignature))) {
                throw new SignatureInvalidException("The JAR does not match " + JAR_SIGNATURE + ": the JAR or the JAD was changed.");
            }
            trust.validate(chain);
            return chain.get(0);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureInvalidException("The suite's signature cannot be checked: " + e.getMessage(), e);
        }
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
