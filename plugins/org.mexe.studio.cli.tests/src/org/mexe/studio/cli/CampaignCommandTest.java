package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.smpp.LoopbackSmsc;

/** prov campaign and prov send on the brief's SIM Toolkit scenario, to the loopback SMSC. */
class CampaignCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void aCampaignIsMadeSummarisedAndSentOverSmpp() throws Exception {
        Path csv = Files.writeString(folder.resolve("launch.csv"),
                "msisdn,imsi\n+447700900201,001010000000201\n+447700900202,001010000000202\nnot-a-number,001010000000203\n");
        Path campaign = folder.resolve("campaign");
        Run made = prov("campaign", EXAMPLES.resolve("brief").toString(), "--scenario", "CapitalLaunchBySimToolkit", "--subscribers",
                csv.toString(), "-o", campaign.toString(), "--progress", "none");
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(made.out().contains("subscribers: 2") && made.out().contains("SMS: 20")
                && made.out().contains("rejects: 1 (malformed MSISDN 1)"), made.out());

        Run again = prov("campaign", EXAMPLES.resolve("brief").toString(), "--scenario", "CapitalLaunchBySimToolkit", "--subscribers",
                csv.toString(), "-o", campaign.toString());
        assertEquals(3, again.exitCode());
        assertTrue(again.err().contains("already holds a finished campaign"), again.err());

        Path password = Files.writeString(folder.resolve("smpp-password"), "s3cretpw");
        try (LoopbackSmsc smsc = new LoopbackSmsc("fjord", "s3cretpw", true)) {
            Run sent = prov("send", campaign.toString(), "--smpp", "127.0.0.1:" + smsc.port(), "--system-id", "fjord", "--password-file",
                    password.toString(), "--window", "4");
            assertEquals(0, sent.exitCode(), sent.err());
            assertTrue(sent.out().startsWith("Sent 20 segment(s) of 20"), sent.out());
            assertEquals(20, smsc.received().size());
            assertFalse(sent.out().contains("s3cretpw") || sent.err().contains("s3cretpw"));
        }
    }

    @Test
    void aWrongShardIsAUsageError() {
        Run run = prov("campaign", EXAMPLES.resolve("brief").toString(), "--scenario", "CapitalLaunchBySimToolkit", "--subscribers",
                "x.csv", "-o", folder.resolve("c").toString(), "--shard", "5/4");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("i/n"), run.err());
    }

    @Test
    void kannelsOptionsAreCheckedBeforeAnythingIsSentAndThePasswordIsNeverPrinted() throws Exception {
        Path password = Files.writeString(folder.resolve("kannel-password"), "kpw-secret-9");
        String campaign = folder.resolve("campaign").toString();
        Run receipts = prov("send", campaign, "--kannel", "http://127.0.0.1:13013", "--kannel-user", "campaign", "--kannel-password-file",
                password.toString(), "--receipts");
        assertEquals(2, receipts.exitCode());
        assertTrue(receipts.err().contains("SMPP options"), receipts.err());
        Run url = prov("send", campaign, "--kannel", "ftp://127.0.0.1/x", "--kannel-user", "campaign", "--kannel-password-file",
                password.toString());
        assertEquals(2, url.exitCode());
        assertTrue(url.err().contains("is not the URL of Kannel's sendsms"), url.err());
        Run both = prov("send", campaign, "--kannel", "http://127.0.0.1:13013", "--kannel-user", "campaign", "--kannel-password-file",
                password.toString(), "--smpp", "127.0.0.1:2775", "--system-id", "fjord", "--password-file", password.toString());
        assertEquals(2, both.exitCode());
        for (Run run : new Run[] { receipts, url, both }) {
            assertFalse(run.out().contains("kpw-secret-9") || run.err().contains("kpw-secret-9"));
        }
    }
}
