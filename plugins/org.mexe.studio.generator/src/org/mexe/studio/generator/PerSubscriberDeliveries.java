package org.mexe.studio.generator;

import org.mexe.studio.dsl.validation.ModelLocations;
import org.mexe.studio.dsl.validation.TrustMaterial.Failed;
import org.mexe.studio.dsl.validation.TrustMaterial.Loaded;
import org.mexe.studio.dsl.validation.TrustMaterial.Unavailable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import org.eclipse.emf.ecore.EObject;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SubscriberSource;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;

/**
 * What the per-folder generator and the streaming campaign ({@code org.mexe.studio.generator.campaign})
 * share about a delivery, so that both name, reference and key a subscriber's message the same way
 * and give the same bytes.
 */
public final class PerSubscriberDeliveries {

    /** The code of every fault in a subscribers file. */
    public static final String INVALID_SUBSCRIBERS = SubscriberFile.INVALID_SUBSCRIBERS;

    private PerSubscriberDeliveries() {
    }

    /** {@code scenario/NN-deliver-SET+SET}: the folder of a delivery, and the prefix of its subscribers' folders. */
    public static String deliveryFolder(String scenarioName, int stage, ParameterDelivery delivery) {
        List<ParameterSet> sets = delivery.getParameterSets();
        return scenarioName + "/" + String.format("%02d", stage) + "-deliver-"
                + sets.stream().map(ParameterSet::getName).collect(Collectors.joining("+"));
    }

    /** The folder of one subscriber's message below its delivery's folder. */
    public static String subscriberFolder(String deliveryFolder, String msisdn) {
        return deliveryFolder + "/" + msisdn;
    }

    /**
     * The concatenation reference tells a handset which segments belong together: derived from
     * the artefact's path, so it is the same on every run and differs between deliveries.
     */
    public static int concatenationReference(String folder) {
        CRC32 crc = new CRC32();
        crc.update(folder.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 0xFF);
    }

    /** A subscriber as the subscribers file lists it: the MSISDN, and the IMSI when the file has one. */
    public record SubscriberLine(String msisdn, java.util.Optional<String> imsi) {
    }

    /** The first {@code limit} subscribers of {@code source}, checked as generation checks them. */
    public static List<SubscriberLine> firstSubscribers(SubscriberSource source, int limit) throws GenerationException {
        return SubscriberFile.read(source, List.of()).stream().limit(limit).map(s -> new SubscriberLine(s.msisdn(), s.imsi())).toList();
    }

    /** The CSV file a subscribers element names, relative to the .prov file that declares it. */
    public static Path subscriberFile(SubscriberSource source) {
        return SubscriberFile.pathOf(source);
    }

    /** A secret the model names, relative files resolved against the .prov file that names them. */
    public static String readSecret(SecretResolver secrets, SecretRef ref) throws GenerationException {
        SecretLocation location = switch (ModelLocations.secret(ref, "secret")) {
            case Loaded<SecretLocation>(SecretLocation loaded) -> loaded;
            case Failed<SecretLocation>(String message, String hint) -> throw Locations.cannotGenerate(ref,
                    GenerationException.UNAVAILABLE_SECRET, hint.isEmpty() ? message : message + " " + hint, null);
            case Unavailable<SecretLocation>(String why, String hint) -> throw Locations.cannotGenerate(ref,
                    GenerationException.UNAVAILABLE_SECRET, why + " " + hint, null);
        };
        try (Secret secret = secrets.resolve(location)) {
            return secret.reveal();
        } catch (SecretUnavailableException e) {
            throw Locations.cannotGenerate(ref, GenerationException.UNAVAILABLE_SECRET, e.getMessage(), e);
        }
    }

    /** A generation failure placed at the text of {@code element}. */
    public static GenerationException cannotGenerate(EObject element, String code, String message, Throwable cause) {
        return Locations.cannotGenerate(element, code, message, cause);
    }

    /** A finding placed at the text of {@code element}. */
    public static Problem error(EObject element, String code, String message) {
        return Locations.error(element, code, message);
    }
}
