package org.mexe.studio.run;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.security.MidletSuiteSigner;
import org.mexe.studio.security.MidletSuiteSigner.Jad;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.server.InstallStatus;

/**
 * A MIDP 2.0 handset's installer (JSR 118, "Over The Air User Initiated Provisioning"): fetch the
 * JAD, then the JAR it names; check the JAR's size, the profile and configuration, the space the
 * handset has, and the signature with its chain against the handset's roots; then post the install
 * status to {@code MIDlet-Install-Notify}: 900 on success, else the code the specification gives
 * for what failed (901, 904, 906, 907, 908 or 909).
 */
final class OtaInstaller {

    static final String JAD_TYPE = "text/vnd.sun.j2me.app-descriptor";

    /** An installed suite: its JAD, as the handset keeps it, and where it came from. */
    record Installed(URI jad, Jad descriptor) {
    }

    private OtaInstaller() {
    }

    static Optional<Installed> install(SimulatedHandset handset, SimulatedNetwork network, URI jadUri, Step step) {
        step.fact("JAD", jadUri);
        SimulatedNetwork.Response jadResponse;
        try {
            jadResponse = network.get(jadUri, JAD_TYPE + ", */*");
        } catch (IOException e) {
            step.failed("the JAD cannot be fetched: " + e.getMessage(), "Download failed");
            return Optional.empty();
        }
        if (jadResponse.status() != 200) {
            step.failed("the server answers " + jadResponse.status() + " for the JAD", "Download failed");
            return Optional.empty();
        }
        if (!jadResponse.contentType().startsWith(JAD_TYPE)) {
            step.fact("JAD type", jadResponse.contentType() + " (a MIDP handset expects " + JAD_TYPE + ")");
        }
        Jad jad;
        try {
            jad = Jad.parse(new String(jadResponse.body(), StandardCharsets.UTF_8));
        } catch (SignatureInvalidException e) {
            step.failed("the JAD is not a descriptor: " + e.getMessage(), "Invalid application");
            return Optional.empty();
        }
        Map<String, String> attributes = jad.attributes();
        Optional<URI> notify = Optional.ofNullable(attributes.get("MIDlet-Install-Notify")).map(value -> jadUri.resolve(value.strip()));
        String jarUrl = attributes.get("MIDlet-Jar-URL");
        if (jarUrl == null || attributes.get("MIDlet-Name") == null || attributes.get("MIDlet-Version") == null
                || attributes.get("MIDlet-Vendor") == null) {
            return fail(step, network, notify, InstallStatus.INVALID_DESCRIPTOR, "the JAD lacks a mandatory attribute", "Invalid application");
        }
        step.fact("suite", attributes.get("MIDlet-Name") + " " + attributes.get("MIDlet-Version") + " by " + attributes.get("MIDlet-Vendor"));
        String profile = attributes.getOrDefault("MicroEdition-Profile", "");
        String configuration = attributes.getOrDefault("MicroEdition-Configuration", "");
        if (!profile.contains("MIDP-2.0") && !profile.contains("MIDP-1.0") || !configuration.matches(".*CLDC-1\\.[01].*")) {
            return fail(step, network, notify, InstallStatus.INCOMPATIBLE_CONFIGURATION_OR_PROFILE,
                    "the suite needs " + profile + " / " + configuration + "; the handset is MIDP 2.0 on CLDC 1.1", "Application not supported");
        }
        int maxJar = handset.profile.getMaxJarSize();
        String declared = attributes.getOrDefault("MIDlet-Jar-Size", "");
        if (maxJar > 0 && declared.matches("\\d+") && Long.parseLong(declared) > maxJar) {
            return fail(step, network, notify, InstallStatus.INSUFFICIENT_MEMORY,
                    "the JAR has " + declared + " bytes and " + handset.name() + " takes at most " + maxJar, "Not enough memory");
        }
        URI jarUri = jadUri.resolve(jarUrl.strip());
        SimulatedNetwork.Response jar;
        try {
            jar = network.get(jarUri, "application/java-archive, */*");
        } catch (IOException e) {
            return fail(step, network, notify, InstallStatus.LOSS_OF_SERVICE, "the JAR cannot be fetched: " + e.getMessage(), "Download failed");
        }
        if (jar.status() != 200) {
            return fail(step, network, notify, InstallStatus.INVALID_JAR, "the server answers " + jar.status() + " for the JAR " + jarUri,
                    "Download failed");
        }
        step.fact("JAR", jarUri + ", " + jar.body().length + " bytes, " + jar.contentType());
        if (!declared.equals(Integer.toString(jar.body().length))) {
            return fail(step, network, notify, InstallStatus.JAR_SIZE_MISMATCH,
                    "the JAR has " + jar.body().length + " bytes and the JAD says " + declared, "Invalid application");
        }
        if (attributes.containsKey(MidletSuiteSigner.JAR_SIGNATURE)) {
            try {
                X509Certificate signer = MidletSuiteSigner.verify(jad, jar.body(), handset.trustedRoots());
                step.fact("signer", signer.getSubjectX500Principal().getName());
                step.fact("domain", domainOf(handset, signer));
            } catch (SignatureInvalidException e) {
                return fail(step, network, notify, InstallStatus.APPLICATION_AUTHENTICATION_FAILURE,
                        "the signature does not verify against the handset's roots: " + e.getMessage(), "Application authentication failed");
            }
        } else {
            step.fact("signer", "none: an untrusted suite, which the user accepts");
        }
        post(step, network, notify, InstallStatus.SUCCESS);
        step.fact(TraceEvent.SCREEN, attributes.get("MIDlet-Name") + " installed");
        step.ok(attributes.get("MIDlet-Name") + " installed");
        return Optional.of(new Installed(jadUri, jad));
    }

    private static String domainOf(SimulatedHandset handset, X509Certificate signer) {
        // The chain's last certificate was issued by one of the roots; name the root and its domain.
        for (Map.Entry<String, X509Certificate> root : handset.roots.entrySet()) {
            X509Certificate certificate = root.getValue();
            if (certificate.getSubjectX500Principal().equals(signer.getIssuerX500Principal())
                    || certificate.getSubjectX500Principal().equals(signer.getSubjectX500Principal())) {
                return handset.domainOfRoot.getOrDefault(root.getKey(), "?") + " (root " + root.getKey() + ")";
            }
        }
        return "a root of the handset, through an intermediate certificate";
    }

    private static Optional<Installed> fail(Step step, SimulatedNetwork network, Optional<URI> notify, InstallStatus status, String why,
            String screen) {
        step.failed(why, screen);
        post(step, network, notify, status);
        return Optional.empty();
    }

    /** Posts the status once; a handset may give up on a notification that fails. */
    private static void post(Step step, SimulatedNetwork network, Optional<URI> notify, InstallStatus status) {
        if (notify.isEmpty()) {
            step.fact("install-notify", status.code() + " not sent: the JAD names no MIDlet-Install-Notify");
            return;
        }
        try {
            SimulatedNetwork.Response answer = network.post(notify.get(), "text/plain",
                    (status.code() + " " + status.message() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            step.fact("install-notify", status.code() + " " + status.message() + " to " + notify.get() + ": the server answered "
                    + answer.status());
        } catch (IOException e) {
            // The suite stays installed: the operator's server just never learns of it (the trace says so).
            step.fact("install-notify", status.code() + " " + status.message() + " not delivered: " + e.getMessage());
        }
    }
}
