package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;

/**
 * A SHA-256 over everything a generation reads: the .prov files, every file their values name
 * (keystores, certificates, CRLs, subscriber files, PIN files: any string value that names an
 * existing file next to the .prov file), the values of the environment variables their secrets
 * name, and the front door's own settings. Equal fingerprints mean the same artefacts, so a build
 * tool may skip the run. Secret values go into the digest only; none is kept or printed.
 */
public final class InputFingerprint {

    private InputFingerprint() {
    }

    public static String of(ProvisioningPipeline.LoadedInputs loaded, SecretResolver secrets, Map<String, String> settings) {
        MessageDigest digest = sha256();
        // Sorted, so that the order the files were found in does not matter.
        Map<String, byte[]> parts = new TreeMap<>();
        settings.forEach((key, value) -> parts.put("setting:" + key, value.getBytes(StandardCharsets.UTF_8)));
        for (var entry : loaded.resources().entrySet()) {
            Path source = entry.getKey();
            parts.put("source:" + source, read(source));
            Resource resource = entry.getValue();
            resource.getAllContents().forEachRemaining(element -> {
                referencedFiles(element, source.getParent(), parts);
                if (element instanceof SecretRef ref && ref.getSource() == SecretSource.ENV && ref.getLocation() != null) {
                    parts.put("env:" + ref.getLocation(), environmentDigest(secrets, ref.getLocation()));
                }
            });
        }
        parts.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256().digest(bytes));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void referencedFiles(EObject element, Path folder, Map<String, byte[]> parts) {
        for (EAttribute attribute : element.eClass().getEAllAttributes()) {
            Object value = element.eGet(attribute);
            Iterable<?> values = value instanceof Iterable<?> many ? many : java.util.Collections.singletonList(value);
            for (Object one : values) {
                if (one instanceof String text && !text.isBlank()) {
                    try {
                        Path file = folder.resolve(text).normalize();
                        if (Files.isRegularFile(file)) {
                            parts.put("file:" + file, read(file));
                        }
                    } catch (InvalidPathException notAPath) {
                        // A value that is no path names no file.
                    }
                }
            }
        }
    }

    private static byte[] environmentDigest(SecretResolver secrets, String variable) {
        try (Secret secret = secrets.resolve(new SecretLocation.Environment(variable))) {
            return sha256().digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (SecretUnavailableException e) {
            return new byte[0];
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // Unreadable now: the generation will say so; the fingerprint just differs from a readable run.
            return ("unreadable:" + e.getMessage()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
