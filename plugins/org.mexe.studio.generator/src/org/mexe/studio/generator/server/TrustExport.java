package org.mexe.studio.generator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.dsl.validation.TrustValidator;
import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.generator.GenerationContext;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Locations;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.CertificateStore;
import org.mexe.studio.model.provisioning.PartyRole;
import org.mexe.studio.model.provisioning.TrustSetup;

/**
 * A {@code trust} stage as what each party loads: the manufacturer roots as DER for each handset
 * maker ({@code handset/<Maker>/<Certificate>.der}, preloaded on the phones), the operator's
 * certificates as DER for the (U)SIM ({@code sim/<Certificate>.der}, for the card personalisation
 * or a SIM update), and {@code certificates.txt}: subject, issuer, validity and SHA-256
 * fingerprint of each, for the people who load them to check against.
 */
final class TrustExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TrustExport() {
    }

    static void export(GenerationContext context, AtomicOutput output, TrustSetup trust) throws GenerationException {
        String folder = ServerContributor.stageFolder(trust, "trust");
        List<String> files = new ArrayList<>();
        Set<String> makers = new LinkedHashSet<>();
        int sim = 0;
        int elsewhere = 0;
        StringBuilder listing = new StringBuilder("# The certificates of this trust stage: who loads each, and its SHA-256 fingerprint to check.\n");
        for (Certificate certificate : trust.getCertificates()) {
            if (certificate.eIsProxy()) {
                continue; // the linker reports it
            }
            X509Certificate x509 = switch (TrustMaterial.chainOf(certificate)) {
                case TrustMaterial.Loaded<List<X509Certificate>>(List<X509Certificate> chain) -> chain.get(0);
                case TrustMaterial.Unavailable<?>(String why, String hint) -> throw Locations.cannotGenerate(trust,
                        TrustValidator.KEYSTORE_NOT_CHECKED, "The certificate " + certificate.getName() + " cannot be exported: " + why
                                + " " + hint, null);
                case TrustMaterial.Failed<?>(String message, String hint) -> throw Locations.cannotGenerate(trust,
                        TrustValidator.CERTIFICATE_UNUSABLE, "The certificate " + certificate.getName() + " cannot be exported: " + message
                                + " " + hint, null);
            };
            String owner = certificate.getOwner() == null || certificate.getOwner().eIsProxy() ? "unknown" : certificate.getOwner().getName();
            String path;
            String loadedBy;
            CertificateStore store = certificate.getStoredOn();
            if (store == CertificateStore.SIM) {
                path = "sim/" + certificate.getName() + ".der";
                loadedBy = "the (U)SIM, by the operator";
                sim++;
            } else if (store == CertificateStore.HANDSET || (certificate.getOwner() != null
                    && certificate.getOwner().getRole() == PartyRole.MANUFACTURER)) {
                path = "handset/" + owner + "/" + certificate.getName() + ".der";
                loadedBy = "the handsets, by " + owner;
                makers.add(owner);
            } else {
                path = "unplaced/" + certificate.getName() + ".der";
                loadedBy = "nobody yet: the certificate names no 'stored-on'";
                elsewhere++;
            }
            try {
                byte[] der = x509.getEncoded();
                output.add(folder + "/" + path, der);
                files.add(path);
                listing.append('\n').append(path).append('\n')
                        .append("  loaded on: ").append(loadedBy).append('\n')
                        .append("  subject:   ").append(x509.getSubjectX500Principal().getName()).append('\n')
                        .append("  issuer:    ").append(x509.getIssuerX500Principal().getName()).append('\n')
                        .append("  valid:     ").append(DAY.format(x509.getNotBefore().toInstant())).append(" to ")
                        .append(DAY.format(x509.getNotAfter().toInstant())).append('\n')
                        .append("  SHA-256:   ").append(HexFormat.ofDelimiter(":").withUpperCase()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(der))).append('\n');
            } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
                throw Locations.cannotGenerate(trust, TrustValidator.CERTIFICATE_UNUSABLE, "The certificate " + certificate.getName()
                        + " cannot be encoded: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            context.report(trust, "nothing generated: the stage names no certificate that could be read", List.of());
            return;
        }
        output.add(folder + "/certificates.txt", listing.toString().getBytes(StandardCharsets.UTF_8));
        files.add("certificates.txt");
        List<String> parts = new ArrayList<>();
        int handset = files.size() - 1 - sim - elsewhere;
        if (handset > 0) {
            parts.add(handset + " root(s) as DER for the handset makers " + String.join(", ", makers));
        }
        if (sim > 0) {
            parts.add(sim + " certificate(s) as DER for the (U)SIM");
        }
        if (elsewhere > 0) {
            parts.add(elsewhere + " certificate(s) with no 'stored-on', in unplaced/");
        }
        context.report(trust, String.join("; ", parts), List.of(folder + "/ " + String.join(" ", files)));
    }
}
