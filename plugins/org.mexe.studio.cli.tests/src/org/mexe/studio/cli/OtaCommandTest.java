package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SimOtaKeys;

import picocli.CommandLine;

/**
 * {@code prov ota encode|decode}, run in process on its own CommandLine (until it is registered in
 * {@link Prov}). Vectors: osmocom pySim tests/unittests/test_ota.py, AES128-SJA5-CIPHERED-CC.
 */
class OtaCommandTest {

    private static final String KIC = "200102030405060708090a0b0c0d0e0f";
    private static final String KID = "201102030405060708090a0b0c0d0e0f";
    private static final String COMMAND = "00281506192222B00011E87CCEEBB2D93083011CE294F93FC4D8DE80DA1ABAE8C37CA3E72EC4432E5058";
    private static final String POR = "027100002412B00011EBC6B497E2CAD7AEDF36ACE0E3A29B38853F0FE9CCDE81913BE5702B73ABCE1F";
    private static final String[] ENCODE = { "encode", "--spi", "0619", "--kic", "22", "--kid", "22", "--tar", "B00011", "--data",
            "00a40004023f00" };
    private static final String P12_PASSWORD = "ota-keystore-test-password";
    /** Two-key 3DES keys for key set 2: KIc/KID octet 25 is key version 2, 3DES with two keys in CBC (TS 102 225). */
    private static final String KIC_3DES = "0123456789abcdeffedcba9876543210";
    private static final String KID_3DES = "89abcdef0123456776543210fedcba98";
    private static final Map<String, String> ENVIRONMENT = Map.of("OTA_KIC", KIC, "OTA_KID", KID, "SHORT_KEY", "2001020304",
            "OTA_P12_PASSWORD", P12_PASSWORD, "WRONG_PASSWORD", "not-the-password", "KIC_3DES", KIC_3DES, "KID_3DES", KID_3DES);

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run ota(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new OtaCommand(new SecretResolver(ENVIRONMENT),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII))));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        Run run = new Run(commandLine.execute(args), out.toString(), err.toString());
        assertFalse(run.out().toLowerCase().contains(KIC) || run.err().toLowerCase().contains(KIC), "the KIc leaked");
        assertFalse(run.out().toLowerCase().contains(KID) || run.err().toLowerCase().contains(KID), "the KID leaked");
        for (String secret : new String[] { P12_PASSWORD, KIC_3DES, KID_3DES }) {
            assertFalse(run.out().toLowerCase().contains(secret) || run.err().toLowerCase().contains(secret), "a secret leaked");
        }
        return run;
    }

    private static String[] with(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void encodesWithKeysFromTheEnvironment() {
        Run run = ota("", with(ENCODE, "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(COMMAND + "\n", run.out());
    }

    @Test
    void encodesSmsUserDataWithKeysFromFiles() throws Exception {
        Path kic = Files.writeString(folder.resolve("kic.hex"), KIC + "\n");
        Path kid = Files.writeString(folder.resolve("kid.hex"), KID);
        Run run = ota("", with(ENCODE, "--sms", "--kic-file", kic.toString(), "--kid-file", kid.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("027000" + COMMAND + "\n", run.out());
    }

    @Test
    void decodesTheCommandFromStandardInput() {
        Run run = ota(COMMAND + "\n", "decode", "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                SPI 0619 (CC, ciphered, counter NO_COUNTER; PoR ALWAYS, CC, ciphered)
                KIc: 22
                KID: 22
                TAR: B00011
                CNTR: 0
                Data: 00A40004023F00
                CC: valid
                """, run.out());
        Run sms = ota("027000" + COMMAND, "decode", "--sms", "-", "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID");
        assertEquals(0, sms.exitCode(), sms.err());
    }

    @Test
    void decodesTheProofOfReceipt() throws Exception {
        Path por = Files.writeString(folder.resolve("por.hex"), POR);
        Run run = ota("", "decode", "--response", por.toString(), "--spi", "0619", "--kic", "22", "--kid", "22", "--kic-env", "OTA_KIC",
                "--kid-env", "OTA_KID");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("TAR: B00011\nCNTR: 0\nStatus: 00 POR_OK\nData: 016132\nCC: valid\n", run.out());
    }

    @Test
    void aTamperedPacketFailsWithTheOffset() {
        String tampered = COMMAND.substring(0, COMMAND.length() - 1) + "9";
        Run run = ota(tampered, "decode", "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID");
        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("SIM_OTA: expected the CC computed over the packet at byte 16"), run.err());
    }

    @Test
    void badKeysAreUsageErrorsThatNeverShowTheKey() throws Exception {
        Run shortKey = ota("", with(ENCODE, "--kic-env", "SHORT_KEY", "--kid-env", "OTA_KID"));
        assertEquals(Prov.EXIT_USAGE, shortKey.exitCode());
        assertTrue(shortKey.err().contains("KIc key for AES must be 16 or 24 or 32 bytes, got 5 bytes"), shortKey.err());
        assertFalse(shortKey.err().contains("2001020304"), shortKey.err());

        Path notHex = Files.writeString(folder.resolve("kic.txt"), "secret-passphrase");
        Run garbage = ota("", with(ENCODE, "--kic-file", notHex.toString(), "--kid-env", "OTA_KID"));
        assertEquals(Prov.EXIT_USAGE, garbage.exitCode());
        assertTrue(garbage.err().contains("is not hex"), garbage.err());
        assertFalse(garbage.err().contains("secret-passphrase"), garbage.err());

        Run unset = ota("", with(ENCODE, "--kic-env", "NOT_SET", "--kid-env", "OTA_KID"));
        assertEquals(Prov.EXIT_USAGE, unset.exitCode());
        assertTrue(unset.err().contains("NOT_SET"), unset.err());

        Run both = ota("", with(ENCODE, "--kic-env", "OTA_KIC", "--kic-file", notHex.toString(), "--kid-env", "OTA_KID"));
        assertEquals(Prov.EXIT_USAGE, both.exitCode());

        Run missing = ota("", ENCODE);
        assertEquals(Prov.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("none was given"), missing.err());
    }

    @Test
    void aPorNeedsTheCommandsSpi() {
        assertEquals(Prov.EXIT_USAGE, ota(POR, "decode", "--response").exitCode());
    }

    @Test
    void countersComeFromTheStorePerCardAndNeverRepeat() {
        String store = folder.resolve("counters").toString();
        String[] fromStore = with(ENCODE, "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID", "--counter-store", store);
        Run first = ota("", with(fromStore, "--iccid", "8944110063000000001"));
        Run second = ota("", with(fromStore, "--iccid", "8944110063000000001"));
        Run otherCard = ota("", with(fromStore, "--iccid", "8944110063000000002"));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("CNTR 1 for 8944110063000000001"), first.err());
        assertTrue(decodedCounter(first.out()).contains("CNTR: 1\n"));
        assertTrue(decodedCounter(second.out()).contains("CNTR: 2\n"));
        assertTrue(decodedCounter(otherCard.out()).contains("CNTR: 1\n"));
        assertEquals(2, ota("", fromStore).exitCode(), "--iccid is needed");
        assertEquals(2, ota("", with(fromStore, "--iccid", "8944110063000000001", "--counter", "7")).exitCode());
    }

    @Test
    void aMistakeInTheOptionsTakesNoCounterFromTheStore() {
        String store = folder.resolve("counters").toString();
        String[] keys = { "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID", "--counter-store", store, "--iccid", "8944110063000000001" };
        Run badTar = ota("", with(new String[] { "encode", "--spi", "0619", "--kic", "22", "--kid", "22", "--tar", "B0001", "--data",
                "00a40004023f00" }, keys));
        assertEquals(Prov.EXIT_USAGE, badTar.exitCode());
        assertTrue(badTar.err().contains("--tar needs 6 hex digits"), badTar.err());
        Run noSpi = ota("", with(new String[] { "encode", "--kic", "22", "--kid", "22", "--tar", "B00011", "--data", "00a40004023f00" },
                keys));
        assertEquals(Prov.EXIT_USAGE, noSpi.exitCode());
        assertTrue(noSpi.err().contains("encode needs --spi HEX"), noSpi.err());
        Run first = ota("", with(ENCODE, keys));
        assertTrue(first.err().contains("CNTR 1 for 8944110063000000001"), first.err());
    }

    @Test
    void aProofOfReceiptNeedsTheCommandsSpi() {
        Run run = ota(POR, "decode", "--response", "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID");
        assertEquals(Prov.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("--response needs the command's --spi"), run.err());
    }

    // ---- Keys by key set from a PKCS#12 keystore ---------------------------------------------

    /** A keystore with the vector's AES keys as key set 2 and two-key 3DES keys as key set 3. */
    private Path otaKeystore() throws Exception {
        Path p12 = folder.resolve("ota-keys.p12");
        try (Secret password = Secret.of(P12_PASSWORD, "test")) {
            SimOtaKeys.store(p12, password, 2, "AES", Hex.decode(KIC), Hex.decode(KID));
            SimOtaKeys.store(p12, password, 3, "DESede", Hex.decode(KIC_3DES), Hex.decode(KID_3DES));
        }
        return p12;
    }

    @Test
    void encodesAndDecodesWithAKeySetFromAKeystore() throws Exception {
        String p12 = otaKeystore().toString();
        Run run = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "2"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(COMMAND + "\n", run.out());

        Path passwordFile = Files.writeString(folder.resolve("p12-password.txt"), P12_PASSWORD + "\n");
        Run decoded = ota(COMMAND, "decode", "--keystore", p12, "--keystore-password-file", passwordFile.toString(), "--key-set", "2");
        assertEquals(0, decoded.exitCode(), decoded.err());
        assertTrue(decoded.out().contains("Data: 00A40004023F00\nCC: valid\n"), decoded.out());
    }

    @Test
    void keysListShowsKeySetEntriesAsSecretKeysWithoutTheirValues() throws Exception {
        String p12 = otaKeystore().toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine list = new CommandLine(new Keys.ListEntries(new SecretResolver(ENVIRONMENT)));
        list.setOut(new PrintWriter(out, true));
        list.setErr(new PrintWriter(err, true));
        assertEquals(0, list.execute(p12, "--password-env", "OTA_P12_PASSWORD"), err.toString());
        assertTrue(out.toString().lines().anyMatch(line -> line.matches("kic-2\\s+secret key")), out.toString());
        assertTrue(out.toString().lines().anyMatch(line -> line.matches("kid-3\\s+secret key")), out.toString());
        assertFalse(out.toString().contains("null"), out.toString());
        for (String secret : new String[] { KIC, KID, KIC_3DES, KID_3DES, P12_PASSWORD }) {
            assertFalse(out.toString().toLowerCase().contains(secret), "a secret leaked");
        }
    }

    @Test
    void threeDesKeySetsFromAKeystoreGiveTheSamePacketAsTheSameKeysInHex() throws Exception {
        String p12 = otaKeystore().toString();
        String[] tripleDes = { "encode", "--spi", "0619", "--kic", "35", "--kid", "35", "--tar", "B00011", "--data", "00a40004023f00" };
        Run fromKeystore = ota("", with(tripleDes, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "3"));
        assertEquals(0, fromKeystore.exitCode(), fromKeystore.err());
        Run fromEnvironment = ota("", with(tripleDes, "--kic-env", "KIC_3DES", "--kid-env", "KID_3DES"));
        assertEquals(0, fromEnvironment.exitCode(), fromEnvironment.err());
        assertEquals(fromEnvironment.out(), fromKeystore.out());
        Run decoded = ota(fromKeystore.out(), "decode", "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "3");
        assertEquals(0, decoded.exitCode(), decoded.err());
        assertTrue(decoded.out().contains("Data: 00A40004023F00\n"), decoded.out());
    }

    @Test
    void keystoreMistakesAreUsageErrorsThatNameTheFileAndTheAlias() throws Exception {
        String p12 = otaKeystore().toString();
        Run wrongPassword = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "WRONG_PASSWORD", "--key-set", "2"));
        assertEquals(Prov.EXIT_USAGE, wrongPassword.exitCode());
        assertTrue(wrongPassword.err().contains("Wrong password") && wrongPassword.err().contains(p12)
                && wrongPassword.err().contains("WRONG_PASSWORD"), wrongPassword.err());
        assertFalse(wrongPassword.err().contains("not-the-password"), wrongPassword.err());

        String[] keySet5 = { "encode", "--spi", "0619", "--kic", "52", "--kid", "52", "--tar", "B00011", "--data", "00a40004023f00" };
        Run missingKeySet = ota("", with(keySet5, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "5"));
        assertEquals(Prov.EXIT_USAGE, missingKeySet.exitCode());
        assertTrue(missingKeySet.err().contains("'kic-5'") && missingKeySet.err().contains(p12)
                && missingKeySet.err().contains("kic-2, kic-3, kid-2, kid-3"), missingKeySet.err());

        Run missingFile = ota("", with(ENCODE, "--keystore", folder.resolve("absent.p12").toString(), "--keystore-password-env",
                "OTA_P12_PASSWORD", "--key-set", "2"));
        assertEquals(Prov.EXIT_USAGE, missingFile.exitCode());
        assertTrue(missingFile.err().contains("absent.p12") && missingFile.err().contains("does not exist"), missingFile.err());

        Run unsetPassword = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "NOT_SET", "--key-set", "2"));
        assertEquals(Prov.EXIT_USAGE, unsetPassword.exitCode());
        assertTrue(unsetPassword.err().contains("NOT_SET"), unsetPassword.err());
    }

    @Test
    void keystoreOptionsGoTogetherAndAgreeWithTheHeader() throws Exception {
        String p12 = otaKeystore().toString();
        Run otherKeySet = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "3"));
        assertEquals(Prov.EXIT_USAGE, otherKeySet.exitCode());
        assertTrue(otherKeySet.err().contains("--kic 22 names key set 2, but --key-set is 3"), otherKeySet.err());

        Run mixed = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD", "--key-set", "2",
                "--kic-env", "OTA_KIC"));
        assertEquals(Prov.EXIT_USAGE, mixed.exitCode());
        assertTrue(mixed.err().contains("not both"), mixed.err());

        Run noKeySet = ota("", with(ENCODE, "--keystore", p12, "--keystore-password-env", "OTA_P12_PASSWORD"));
        assertEquals(Prov.EXIT_USAGE, noKeySet.exitCode());
        assertTrue(noKeySet.err().contains("--key-set"), noKeySet.err());

        Run noPassword = ota("", with(ENCODE, "--keystore", p12, "--key-set", "2"));
        assertEquals(Prov.EXIT_USAGE, noPassword.exitCode());
        assertTrue(noPassword.err().contains("--keystore-password-env"), noPassword.err());
    }

    private static String decodedCounter(String packetLine) {
        return ota(packetLine, "decode", "--kic-env", "OTA_KIC", "--kid-env", "OTA_KID").out();
    }
}
