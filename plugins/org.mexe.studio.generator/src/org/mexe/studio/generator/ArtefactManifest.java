package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.ManifestSignature;
import org.mexe.studio.security.SignatureInvalidException;
import org.mexe.studio.security.SigningIdentity;
import org.mexe.studio.security.TrustPolicy;

/**
 * The signed list of a generation's artefacts: {@code MANIFEST.sha256} in the format of
 * {@code sha256sum} (so {@code sha256sum -c} checks it too) and its detached CMS signature
 * {@code MANIFEST.sha256.p7s}. A reviewer or a provisioning server can then check that a set of
 * artefacts is complete and untouched.
 */
public final class ArtefactManifest {

    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String SIGNATURE = MANIFEST + ".p7s";

    private ArtefactManifest() {
    }

    /** The manifest of {@code files} (sorted by path, as AtomicOutput keeps them). */
    static byte[] manifest(SortedMap<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, content) -> manifest.append(sha256(content)).append("  ").append(path).append('\n'));
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Adds the manifest of everything in {@code output} and its signature. */
    static void sign(AtomicOutput output, SigningIdentity signer) throws GenerationException {
        byte[] manifest = manifest(output.artefacts());
        try {
            byte[] signature = ManifestSignature.sign(manifest, signer);
            output.add(MANIFEST, manifest);
            output.add(SIGNATURE, signature);
        } catch (KeystoreException e) {
            throw new GenerationException("Cannot sign the artefacts: " + e.getMessage(), e);
        }
    }

    /** What {@link #verify} found: who signed, and how many files the manifest covers. */
    public record Verified(X509Certificate signer, int files) {
    }

    /**
     * Checks a folder of artefacts: the manifest's signature by a code-signing certificate that
     * chains to {@code trusted}, every listed file's digest, and that no file is missing or extra.
     */
    public static Verified verify(Path folder, Set<X509Certificate> trusted) throws SignatureInvalidException, IOException {
        return verify(folder, TrustPolicy.of(trusted));
    }

    /** As {@link #verify(Path, Set)}, under a trust policy that may hold CRLs. */
    public static Verified verify(Path folder, TrustPolicy trust) throws SignatureInvalidException, IOException {
        byte[] manifest;
        byte[] signature;
        try {
            manifest = Files.readAllBytes(folder.resolve(MANIFEST));
            signature = Files.readAllBytes(folder.resolve(SIGNATURE));
        } catch (NoSuchFileException e) {
            throw new SignatureInvalidException(folder + " has no " + Path.of(e.getFile()).getFileName()
                    + ": it was not generated with signing, or the file was removed.", e);
        }
        X509Certificate signer = ManifestSignature.verify(manifest, signature, trust);
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            int gap = line.indexOf("  ");
            listed.put(line.substring(gap + 2), line.substring(0, gap));
        }
        List<String> problems = new ArrayList<>();
        for (var entry : listed.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + " is missing");
            } else if (!sha256(Files.readAllBytes(file)).equals(entry.getValue())) {
                problems.add(entry.getKey() + " was changed");
            }
        }
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).forEach(present::add);
        }
        present.removeAll(listed.keySet());
        // The generated PINs are for the operator, not the handset, and the marker is the folder's: never in the manifest.
        present.removeAll(Set.of(MANIFEST, SIGNATURE, ProvisioningPipeline.USER_PINS, OutputFolder.MARKER));
        present.forEach(extra -> problems.add(extra + " is not in the manifest"));
        if (!problems.isEmpty()) {
            throw new SignatureInvalidException("The artefacts in " + folder + " are not as signed: " + String.join("; ", problems) + ".");
        }
        return new Verified(signer, listed.size());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
