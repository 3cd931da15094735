package org.mexe.studio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.ota.CommandPacket;
import org.mexe.studio.codec.ota.OtaKeys;
import org.mexe.studio.codec.ota.ResponsePacket;
import org.mexe.studio.codec.ota.SimOtaCodec;
import org.mexe.studio.codec.ota.Spi;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.OtaCounterStore;
import org.mexe.studio.security.OtaKeySource;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.security.SimOtaKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code prov ota}: SIM OTA secured packets (3GPP TS 31.115 / ETSI TS 102 225). Keys come from files
 * or environment variables, as hex, or by key set from a PKCS#12 keystore, so that they never
 * appear in a command line or a shell history.
 */
@Command(name = "ota", mixinStandardHelpOptions = true, description = "SIM OTA secured packets for SMS-PP (TS 31.115 / TS 102 225).",
        subcommands = { OtaCommand.Encode.class, OtaCommand.Decode.class })
final class OtaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final SecretResolver secrets;
    private final InputStream standardInput;

    /** As picocli's default factory creates it: the process's environment and standard input. */
    OtaCommand() {
        this(SecretResolver.fromProcessEnvironment(), System.in);
    }

    OtaCommand(SecretResolver secrets, InputStream standardInput) {
        this.secrets = secrets;
        this.standardInput = standardInput;
    }

    @Override
    public void run() {
        Prov.missingCommand(spec);
    }

    /**
     * Where KIc and KID are read from: each by file or by variable, or both as a key set of a
     * PKCS#12 keystore (secret key entries {@code kic-N} and {@code kid-N}).
     */
    static final class KeyOptions {

        @Option(names = "--kic-file", paramLabel = "FILE", description = "File holding the KIc key in hex.")
        Path kicFile;

        @Option(names = "--kic-env", paramLabel = "VAR", description = "Environment variable holding the KIc key in hex.")
        String kicEnv;

        @Option(names = "--kid-file", paramLabel = "FILE", description = "File holding the KID key in hex.")
        Path kidFile;

        @Option(names = "--kid-env", paramLabel = "VAR", description = "Environment variable holding the KID key in hex.")
        String kidEnv;

        @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS#12 keystore holding the OTA keys of --key-set as"
                + " secret key entries kic-N and kid-N.")
        Path keystore;

        @Option(names = "--keystore-password-env", paramLabel = "VAR", description = "Environment variable holding the keystore's password.")
        String keystorePasswordEnv;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "File holding the keystore's password.")
        Path keystorePasswordFile;

        @Option(names = "--key-set", paramLabel = "N", description = "The key set (key version 0..15) whose KIc and KID --keystore gives.")
        Integer keySet;

        /** The key set that --keystore names, or null when the keys come from files or variables. */
        Integer keystoreKeySet() {
            return keystore == null ? null : keySet;
        }

        /** Where the options say the keys are; mistakes in the options are usage errors. */
        OtaKeySource source(CommandSpec spec) {
            try {
                if (keystore != null || keySet != null || keystorePasswordEnv != null || keystorePasswordFile != null) {
                    if (kicFile != null || kicEnv != null || kidFile != null || kidEnv != null) {
                        throw new ParameterException(spec.commandLine(),
                                "give the keys from --keystore or from --kic-*/--kid-* options, not both");
                    }
                    if (keystore == null || keySet == null) {
                        throw new ParameterException(spec.commandLine(), "--keystore and --key-set go together: the keystore holds"
                                + " the keys of key set N as kic-N and kid-N");
                    }
                    return new OtaKeySource.KeystoreKeySet(keystore, SecretLocation.exactlyOne(keystorePasswordEnv,
                            keystorePasswordFile, "the keystore's password", "--keystore-password-env", "--keystore-password-file"),
                            keySet);
                }
                return new OtaKeySource.HexKeys(SecretLocation.atMostOne(kicEnv, kicFile, "the KIc key", "--kic-env", "--kic-file"),
                        SecretLocation.atMostOne(kidEnv, kidFile, "the KID key", "--kid-env", "--kid-file"));
            } catch (SecretUnavailableException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** The keys, for the codec; the caller wipes them. */
        OtaKeys resolve(CommandSpec spec, SecretResolver secrets) {
            try (SimOtaKeys.KeySet keys = source(spec).read(secrets)) {
                byte[] kic = keys.kic();
                byte[] kid = keys.kid();
                try {
                    return OtaKeys.of(kic, kid);
                } finally {
                    SimOtaKeys.wipe(kic);
                    SimOtaKeys.wipe(kid);
                }
            } catch (SecretUnavailableException | KeystoreException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** The SPI, KIc and KID octets of a command packet, as hex options: given to encode, and to decode a PoR. */
    static final class HeaderOptions {

        @Option(names = "--spi", paramLabel = "HEX", description = "The two SPI octets, e.g. 1621 (for decode --response: the"
                + " command's SPI).")
        String spi;

        @Option(names = "--kic", paramLabel = "HEX", defaultValue = "00", description = "The KIc octet, e.g. 25 (key 2, AES)."
                + " Default: ${DEFAULT-VALUE}.")
        String kic;

        @Option(names = "--kid", paramLabel = "HEX", defaultValue = "00", description = "The KID octet, e.g. 25 (key 2, AES CMAC)."
                + " Default: ${DEFAULT-VALUE}.")
        String kid;

        Spi spi(CommandSpec spec, String needed) {
            if (spi == null) {
                throw new ParameterException(spec.commandLine(), needed);
            }
            try {
                return Spi.decode(hexValue(spec, "--spi", spi, 2));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--spi: " + e.getMessage());
            }
        }

        int kic(CommandSpec spec) {
            return hexValue(spec, "--kic", kic, 1);
        }

        int kid(CommandSpec spec) {
            return hexValue(spec, "--kid", kid, 1);
        }
    }

    static int hexValue(CommandSpec spec, String option, String hex, int octets) {
        if (!hex.matches("[0-9A-Fa-f]{" + octets * 2 + "}")) {
            throw new ParameterException(spec.commandLine(), "%s needs %d hex digits, got '%s'".formatted(option, octets * 2, hex));
        }
        return Integer.parseInt(hex, 16);
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = "Secures a command packet and prints it in hex: from CPL, or with --sms as SMS user data (UDH 02 70 00)"
                    + " to send with TP-UDHI, PID 7F and DCS F6.")
    static final class Encode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        OtaCommand parent;

        @Mixin
        HeaderOptions header;

        @Mixin
        KeyOptions keys;

        @Option(names = "--tar", required = true, paramLabel = "HEX", description = "The three TAR octets, e.g. B00010.")
        String tar;

        @Option(names = "--counter", paramLabel = "N", description = "CNTR, 0..2^40-1 (default 0), or take it from --counter-store.")
        Long counter;

        @Option(names = "--counter-store", paramLabel = "DIR", description = "Take the card's next CNTR for the key set of --kid"
                + " from this store: strictly growing, never reused, even across crashed or parallel runs. Needs --iccid.")
        Path counterStore;

        @Option(names = "--iccid", paramLabel = "ICCID", description = "The card, for --counter-store.")
        String iccid;

        @Option(names = "--data", required = true, paramLabel = "HEX", description = "The secured data, such as remote APDUs.")
        String data;

        @Option(names = "--sms", description = "Print the SMS user data instead of the bare packet.")
        boolean sms;

        /** The counter to use: given, or the card's next one for the key set (KID's key version) from the store. */
        private long counter() throws IOException {
            if (counterStore == null) {
                return counter == null ? 0 : counter;
            }
            if (counter != null || iccid == null) {
                throw new ParameterException(spec.commandLine(), "--counter-store needs --iccid and cannot be combined with --counter");
            }
            return new OtaCounterStore(counterStore).next(iccid, header.kid(spec) >> 4);
        }

        /** The card picks the keys by the key version of the KIc and KID octets: they must name the key set taken from --keystore. */
        private void requireSameKeySet(CommandPacket command) {
            Integer keySet = keys.keystoreKeySet();
            if (keySet == null) {
                return;
            }
            for (var octet : java.util.List.of(java.util.Map.entry("--kic", command.kic()), java.util.Map.entry("--kid", command.kid()))) {
                if (octet.getValue() != 0 && octet.getValue() >> 4 != keySet) {
                    throw new ParameterException(spec.commandLine(), "%s %02X names key set %d, but --key-set is %d: the card would"
                            .formatted(octet.getKey(), octet.getValue(), octet.getValue() >> 4, keySet)
                            + " look for other keys. Give the same key set in both.");
                }
            }
        }

        @Override
        public Integer call() {
            CommandPacket command;
            try {
                // Every option is checked before a counter is taken from the store.
                Spi spi = header.spi(spec, "encode needs --spi HEX, the two SPI octets");
                int kic = header.kic(spec);
                int kid = header.kid(spec);
                int targetApplication = hexValue(spec, "--tar", tar, 3);
                byte[] secured = Hex.decode(data);
                long cntr;
                try {
                    cntr = counter();
                } catch (IOException e) {
                    spec.commandLine().getErr().println("prov ota encode: cannot take the next counter: " + e.getMessage());
                    return Prov.EXIT_GENERATION_FAILED;
                }
                command = new CommandPacket(spi, kic, kid, targetApplication, cntr, secured);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            requireSameKeySet(command);
            OtaKeys otaKeys = keys.resolve(spec, parent.secrets);
            try {
                byte[] packet = SimOtaCodec.encodeCommand(command, otaKeys);
                if (counterStore != null) {
                    spec.commandLine().getErr().println("prov ota encode: CNTR " + command.counter() + " for " + iccid);
                }
                spec.commandLine().getOut().println(Hex.encode(sms ? SimOtaCodec.commandUserData(packet) : packet));
                return 0;
            } catch (CodecException e) {
                spec.commandLine().getErr().println("prov ota encode: " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } finally {
                otaKeys.wipe();
            }
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = { "Deciphers a command packet or, with --response, a Proof of Receipt, checks its RC/CC and prints its fields.",
                    "Input is hex: a command from CPL (or with --sms, SMS user data), a PoR as SMS user data (02 71 00 ...).",
                    "For a PoR, --spi, --kic and --kid are those of the command it answers." })
    static final class Decode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        OtaCommand parent;

        @Mixin
        KeyOptions keys;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The packet in hex; '-' or none reads standard input.")
        String file;

        @Option(names = "--response", description = "The input is a Proof of Receipt.")
        boolean response;

        @Option(names = "--sms", description = "The command is SMS user data starting with 02 70 00.")
        boolean sms;

        /** With --response: the octets of the command that the PoR answers. */
        @Mixin
        HeaderOptions header;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            InputFile inputFile = new InputFile(file, parent.standardInput);
            String source = inputFile.name();
            byte[] input;
            try {
                String text = new String(inputFile.readAllBytes(), StandardCharsets.US_ASCII);
                input = Hex.decode(text.strip());
            } catch (IOException e) {
                err.println("prov ota decode: cannot read " + source + ": " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("prov ota decode: " + source + ": not hex: " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            }
            Spi commandSpi = response ? header.spi(spec, "--response needs the command's --spi") : null;
            OtaKeys otaKeys = keys.resolve(spec, parent.secrets);
            try {
                if (response) {
                    ResponsePacket por = SimOtaCodec.decodeResponse(input, commandSpi, header.kic(spec), header.kid(spec), otaKeys);
                    out.printf("TAR: %06X%nCNTR: %d%nStatus: %02X %s%nData: %s%n%s%n", por.tar(), por.counter(), por.statusCode(),
                            por.status().map(Enum::name).orElse("(reserved)"), Hex.encode(por.data()), integrity(commandSpi.porIntegrity()));
                } else {
                    CommandPacket command = SimOtaCodec.decodeCommand(sms ? SimOtaCodec.commandPacket(input) : input, otaKeys);
                    out.printf("%s%nKIc: %02X%nKID: %02X%nTAR: %06X%nCNTR: %d%nData: %s%n%s%n", command.spi(), command.kic(), command.kid(),
                            command.tar(), command.counter(), Hex.encode(command.data()), integrity(command.spi().integrity()));
                }
                return 0;
            } catch (CodecException e) {
                err.println("prov ota decode: " + source + ": " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                // Includes InvalidOtaKeyException, whose message names lengths, never key values.
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } finally {
                otaKeys.wipe();
            }
        }

        private static String integrity(Spi.Integrity integrity) {
            return integrity == Spi.Integrity.NONE ? "Integrity: none" : integrity + ": valid";
        }
    }
}
