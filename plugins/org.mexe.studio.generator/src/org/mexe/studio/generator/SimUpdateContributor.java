package org.mexe.studio.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.ota.BlockCipher;
import org.mexe.studio.codec.ota.CommandPacket;
import org.mexe.studio.codec.ota.InvalidOtaKeyException;
import org.mexe.studio.codec.ota.OtaKeys;
import org.mexe.studio.codec.ota.RemoteFileCommands;
import org.mexe.studio.codec.ota.SimOtaCodec;
import org.mexe.studio.codec.ota.Spi;
import org.mexe.studio.codec.sms.InformationElement;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.UserDataHeader;
import org.mexe.studio.dsl.validation.ModelLocations;
import org.mexe.studio.dsl.validation.TrustMaterial;
import org.mexe.studio.dsl.validation.TrustValidator;
import org.mexe.studio.model.payload.SimFilePlan;
import org.mexe.studio.model.provisioning.BootstrapActions;
import org.mexe.studio.model.provisioning.OtaAlgorithm;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SimOta;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.model.provisioning.UpdateSimParameters;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.OtaCounterStore;
import org.mexe.studio.security.OtaKeySource;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SimOtaKeys;

/**
 * The SIM updates of {@code run} stages ({@code update-sim ... via OTA}): for each, SIM OTA secured
 * command packets (ETSI TS 102 225, 3GPP TS 31.115 for SMS-PP) whose secured data is remote file
 * management commands (TS 102 226 compact format) that write the sets' settings into the card
 * files {@link SimFilePlan} names. Each packet fits one SMS and is a command session of its own.
 * The counters come from the front door's counter store, a fresh range every run, so no packet
 * ever repeats a counter; with a fixed counter the bytes are fixed.
 *
 * <p>Writes {@code <scenario>/NN-sim-update/}: {@code packets.hex} (one packet a line, from CPL),
 * {@code sms-submit.hex} (one SMS-SUBMIT a line, to the number the scenario delivers to, PID 7F,
 * DCS F6, UDH IEI 70) and {@code commands.txt} (each packet's counter and commands in clear, for
 * the people who check them; no key material).
 */
public final class SimUpdateContributor implements ArtefactContributor {

    static final String CODE = "org.mexe.studio.generator.simUpdate";

    /**
     * Counter must be higher, ciphered, CC; PoR always, via SMS-SUBMIT, unsecured (TS 102 225 5.1.1):
     * "higher" lets one range of a key set serve every card that holds it.
     */
    static final Spi SPI = Spi.decode(0x1621);

    private record Prepared(SimOta ota, List<SimFilePlan.Root> roots, List<String> unwritten, List<byte[]> securedData,
            List<String> commentary) {
    }

    @Override
    public void contribute(GenerationContext context, AtomicOutput output) throws GenerationException {
        for (ProvisioningModel model : context.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    for (Stage stage : scenario.getStages()) {
                        if (stage instanceof BootstrapActions run) {
                            List<UpdateSimParameters> updates = run.getActions().stream().filter(UpdateSimParameters.class::isInstance)
                                    .map(UpdateSimParameters.class::cast).toList();
                            for (UpdateSimParameters update : updates) {
                                contribute(context, output, scenario, run, update, updates.size() > 1 ? updates.indexOf(update) + 1 : 0);
                            }
                        }
                    }
                }
            }
        }
    }

    private void contribute(GenerationContext context, AtomicOutput output, Scenario scenario, BootstrapActions run,
            UpdateSimParameters update, int position) throws GenerationException {
        String sets = update.getParameterSets().stream().map(ParameterSet::getName).collect(Collectors.joining(", "));
        SimOta ota = update.getOta();
        SimFilePlan.Plan plan = SimFilePlan.of(update.getParameterSets(), SimFilePlan.rootsIn(context.models()));
        List<String> unwritten = plan.unwritten().stream().map(SimFilePlan.Unwritten::line).toList();
        if (ota == null || ota.eIsProxy()) {
            report(context, run, "SIM update " + sets + ": no SIM OTA packets, the update names no key set ('via' a 'sim-ota')", unwritten);
            return;
        }
        if (plan.writesNothing()) {
            report(context, run, "SIM update " + sets + ": no SIM OTA packets, nothing in the set" + (update.getParameterSets().size() > 1 ? "s" : "")
                    + " has a (U)SIM file", unwritten);
            return;
        }
        if (context.otaCounters().isEmpty()) {
            report(context, run, "SIM update " + sets + " via " + ota.getName() + ": SIM OTA packets not generated, no OTA counter store was"
                    + " given (prov generate --ota-counters DIR, Maven <otaCounters>): every run takes fresh counters from it", unwritten);
            return;
        }
        BlockCipher cipher = cipher(ota.getAlgorithm());
        int keyOctet = cipher.identifier(ota.getKeySet());
        int tar = Integer.parseInt(ota.getTar(), 16);
        OtaKeys keys = cardKeys(ota, context.secrets());
        try {
            List<byte[]> securedData;
            List<RemoteFileCommands.FileWrite> writes = new ArrayList<>();
            List<String> written = new ArrayList<>();
            for (SimFilePlan.Root root : plan.roots()) {
                byte[] der = der(root, update);
                writes.add(new RemoteFileCommands.BinaryWrite(root.dataFilePath(), der));
                writes.add(new RemoteFileCommands.RecordWrite(root.file().path(), root.record(),
                        SimFilePlan.descriptor(root.dataFile(), der.length, keyIdentifier(root, update))));
                written.add(root.certificate().getName() + " in " + root.file().fileName() + " record " + root.record() + " and EF_TKCDF "
                        + "%04X".formatted(root.dataFile()));
            }
            int capacity;
            try {
                capacity = SimOtaCodec.maxSecuredData(SPI, keyOctet, keyOctet, keys);
                securedData = RemoteFileCommands.pack(writes, capacity);
            } catch (InvalidOtaKeyException e) {
                throw Locations.cannotGenerate(ota, GenerationException.UNUSABLE_SECRET, "The keys of " + ota.getName() + " do not fit "
                        + cipher + ": " + e.getMessage() + ". Check 'algorithm' against the cards' key set.", e);
            }
            long first = reserve(context.otaCounters().get(), ota, securedData.size());
            Optional<String> destination = destination(scenario);
            StringBuilder packets = new StringBuilder();
            StringBuilder submits = new StringBuilder();
            StringBuilder commands = new StringBuilder("# SIM update " + sets + " via " + ota.getName() + ": " + SPI + ", KIc/KID "
                    + "%02X".formatted(keyOctet) + " (" + cipher + ", key set " + ota.getKeySet() + "), TAR " + ota.getTar().toUpperCase()
                    + ". Each packet is a command session: it selects its file from the MF (7FFF is ADF_USIM).\n");
            for (int i = 0; i < securedData.size(); i++) {
                long counter = first + i;
                byte[] packet = SimOtaCodec.encodeCommand(new CommandPacket(SPI, keyOctet, keyOctet, tar, counter, securedData.get(i)), keys);
                packets.append(Hex.encode(packet)).append('\n');
                byte[] userData = SimOtaCodec.commandUserData(packet);
                if (destination.isPresent()) {
                    SmsSubmit submit = new SmsSubmit(i & 0xFF, SmsAddress.parse(destination.get()), SimOtaCodec.PID, SimOtaCodec.DCS,
                            new UserDataHeader(List.of(InformationElement.SimToolkitSecurityHeader.COMMAND)),
                            Arrays.copyOfRange(userData, 3, userData.length));
                    submits.append(Hex.encode(SmsSubmitCodec.encode(submit))).append('\n');
                }
                commands.append("packet ").append(i + 1).append(", CNTR ").append(counter).append(":\n");
                describe(commands, securedData.get(i));
            }
            String folder = GenerationContext.scenarioName(scenario) + "/" + "%02d".formatted(GenerationContext.stageNumber(run))
                    + "-sim-update" + (position > 0 ? "-" + position : "") + "/";
            List<String> files = new ArrayList<>();
            output.add(folder + "packets.hex", packets.toString().getBytes(StandardCharsets.US_ASCII));
            files.add(folder + "packets.hex");
            if (destination.isPresent()) {
                output.add(folder + "sms-submit.hex", submits.toString().getBytes(StandardCharsets.US_ASCII));
                files.add(folder + "sms-submit.hex");
            }
            output.add(folder + "commands.txt", commands.toString().getBytes(StandardCharsets.UTF_8));
            files.add(folder + "commands.txt");
            String summary = "SIM update " + sets + " via " + ota.getName() + ": " + securedData.size() + " secured packet"
                    + (securedData.size() == 1 ? "" : "s") + " (SMS-PP, " + "SPI %04X, KIc/KID %02X, TAR %s, CNTR %d–%d)"
                            .formatted(SPI.encode(), keyOctet, ota.getTar().toUpperCase(), first, first + securedData.size() - 1)
                    + " writing " + String.join("; ", written)
                    + destination.map(d -> "; SMS-SUBMIT to " + d).orElse("; no SMS-SUBMIT: the scenario delivers to no single number,"
                            + " the OTA platform addresses packets.hex to each card");
            context.report(run, unwritten.isEmpty() ? summary : summary + "; " + String.join("; ", unwritten), files);
        } finally {
            keys.wipe();
        }
    }

    private static void report(GenerationContext context, BootstrapActions run, String summary, List<String> unwritten) {
        context.report(run, unwritten.isEmpty() ? summary : summary + "; " + String.join("; ", unwritten), List.of());
    }

    private static BlockCipher cipher(OtaAlgorithm algorithm) {
        return switch (algorithm) {
            case AES -> BlockCipher.AES;
            case DES3_2KEY -> BlockCipher.TDES_2KEY;
            case DES3_3KEY -> BlockCipher.TDES_3KEY;
        };
    }

    /**
     * The KIc and KID of a {@code sim-ota} key set, as the card holds them: the generator secures
     * packets with them, a simulated card checks and deciphers packets with them.
     */
    public static OtaKeys cardKeys(SimOta ota, org.mexe.studio.security.SecretResolver secrets) throws GenerationException {
        OtaKeySource source;
        if (ota.getKeystore() != null) {
            var keystore = ota.getKeystore();
            if (keystore.getPath() == null || keystore.getPassword() == null) {
                throw Locations.cannotGenerate(keystore, CODE, "The keystore " + keystore.getName() + " needs a 'file' and a 'password' to"
                        + " give the OTA keys of " + ota.getName() + ".", null);
            }
            Path file = Locations.file(keystore).getParent().resolve(keystore.getPath()).normalize();
            source = new OtaKeySource.KeystoreKeySet(file, location(keystore.getPassword()), ota.getKeySet());
        } else {
            source = new OtaKeySource.HexKeys(Optional.of(location(ota.getKic())), Optional.of(location(ota.getKid())));
        }
        try (SimOtaKeys.KeySet set = source.read(secrets)) {
            byte[] kic = set.kic();
            byte[] kid = set.kid();
            try {
                return OtaKeys.of(kic, kid);
            } finally {
                SimOtaKeys.wipe(kic);
                SimOtaKeys.wipe(kid);
            }
        } catch (SecretUnavailableException e) {
            throw Locations.cannotGenerate(ota, GenerationException.UNAVAILABLE_SECRET, e.getMessage(), e);
        } catch (KeystoreException e) {
            throw Locations.cannotGenerate(ota, GenerationException.UNUSABLE_SECRET, "The OTA keys of " + ota.getName() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static SecretLocation location(SecretRef ref) throws GenerationException {
        return switch (ModelLocations.secret(ref, "key")) {
            case TrustMaterial.Loaded<SecretLocation>(SecretLocation loaded) -> loaded;
            case TrustMaterial.Failed<SecretLocation>(String message, String hint) -> throw Locations.cannotGenerate(ref,
                    GenerationException.UNAVAILABLE_SECRET, hint.isEmpty() ? message : message + " " + hint, null);
            case TrustMaterial.Unavailable<SecretLocation>(String why, String hint) -> throw Locations.cannotGenerate(ref,
                    GenerationException.UNAVAILABLE_SECRET, why + " " + hint, null);
        };
    }

    private static long reserve(Path store, SimOta ota, int count) throws GenerationException {
        try {
            return new OtaCounterStore(store).reserve(ota.getKeySet(), count);
        } catch (IOException e) {
            throw Locations.cannotGenerate(ota, CODE, "No OTA counters for key set " + ota.getKeySet() + " from the counter store " + store
                    + ": " + e.getMessage(), e);
        }
    }

    /** The number the scenario sends its settings to: the SIM update goes to the same phone. */
    private static Optional<String> destination(Scenario scenario) {
        List<String> numbers = scenario.getStages().stream().filter(ParameterDelivery.class::isInstance).map(ParameterDelivery.class::cast)
                .map(ParameterDelivery::getDestination).filter(d -> d != null && !d.isBlank()).distinct().toList();
        return numbers.size() == 1 ? Optional.of(numbers.get(0)) : Optional.empty();
    }

    private static X509Certificate certificate(SimFilePlan.Root root, UpdateSimParameters update) throws GenerationException {
        return switch (TrustMaterial.chainOf(root.certificate())) {
            case TrustMaterial.Loaded<List<X509Certificate>>(List<X509Certificate> chain) -> chain.get(0);
            case TrustMaterial.Unavailable<?>(String why, String hint) -> throw Locations.cannotGenerate(update, TrustValidator.KEYSTORE_NOT_CHECKED,
                    "The certificate " + root.certificate().getName() + " cannot be written to the SIM: " + why + " " + hint, null);
            case TrustMaterial.Failed<?>(String message, String hint) -> throw Locations.cannotGenerate(update, TrustValidator.CERTIFICATE_UNUSABLE,
                    "The certificate " + root.certificate().getName() + " cannot be written to the SIM: " + message + " " + hint, null);
        };
    }

    private static byte[] der(SimFilePlan.Root root, UpdateSimParameters update) throws GenerationException {
        try {
            return certificate(root, update).getEncoded();
        } catch (CertificateEncodingException e) {
            throw Locations.cannotGenerate(update, CODE, "The certificate " + root.certificate().getName() + " has no DER form: " + e.getMessage(), e);
        }
    }

    /** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits, the key identifier TS 31.102's descriptors carry. */
    static byte[] keyIdentifier(SimFilePlan.Root root, UpdateSimParameters update) throws GenerationException {
        byte[] info = certificate(root, update).getPublicKey().getEncoded();
        try {
            // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
            int[] sequence = Der.header(info, 0, 0x30);
            int[] algorithm = Der.header(info, sequence[0], 0x30);
            int[] bits = Der.header(info, algorithm[0] + algorithm[1], 0x03);
            byte[] key = Arrays.copyOfRange(info, bits[0] + 1, bits[0] + bits[1]);
            return MessageDigest.getInstance("SHA-1").digest(key);
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            throw Locations.cannotGenerate(update, CODE, "The public key of " + root.certificate().getName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Just enough DER to find a public key's bits. */
    private static final class Der {

        /** The content's offset and length of the element at {@code offset}, which must have tag {@code tag}. */
        static int[] header(byte[] der, int offset, int tag) {
            if (offset + 2 > der.length || (der[offset] & 0xFF) != tag) {
                throw new IllegalArgumentException("expected DER tag %02X at %d".formatted(tag, offset));
            }
            int first = der[offset + 1] & 0xFF;
            if (first < 0x80) {
                return new int[] { offset + 2, first };
            }
            int octets = first & 0x7F;
            if (octets < 1 || octets > 3 || offset + 2 + octets > der.length) {
                throw new IllegalArgumentException("unsupported DER length at " + offset);
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = length << 8 | der[offset + 2 + i] & 0xFF;
            }
            return new int[] { offset + 2 + octets, length };
        }
    }

    /** One line per command, as the card reads them. */
    private static void describe(StringBuilder text, byte[] securedData) {
        int at = 0;
        while (at + 5 <= securedData.length) {
            int ins = securedData[at + 1] & 0xFF;
            int p1 = securedData[at + 2] & 0xFF;
            int p2 = securedData[at + 3] & 0xFF;
            int lc = securedData[at + 4] & 0xFF;
            byte[] data = Arrays.copyOfRange(securedData, at + 5, Math.min(securedData.length, at + 5 + lc));
            String what = switch (ins) {
                case 0xA4 -> "SELECT " + RemoteFileCommands.pathText(path(data));
                case 0xD6 -> "UPDATE BINARY offset " + (p1 << 8 | p2) + ", " + lc + " octets";
                case 0xDC -> "UPDATE RECORD " + p1 + ", " + lc + " octets";
                default -> "INS %02X".formatted(ins);
            };
            text.append("  ").append(Hex.encode(Arrays.copyOfRange(securedData, at, at + 5))).append(' ').append(Hex.encode(data))
                    .append("  ").append(what).append('\n');
            at += 5 + lc;
        }
    }

    private static int[] path(byte[] data) {
        int[] path = new int[data.length / 2];
        for (int i = 0; i < path.length; i++) {
            path[i] = (data[2 * i] & 0xFF) << 8 | data[2 * i + 1] & 0xFF;
        }
        return path;
    }
}
