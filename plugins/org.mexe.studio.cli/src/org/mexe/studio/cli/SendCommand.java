package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;
import org.mexe.studio.smpp.CampaignSender;
import org.mexe.studio.smpp.SendException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov send}: a front door onto {@link CampaignSender}, with no logic of its own. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = { "Submits a campaign folder (prov campaign) over SMPP 3.4: one binary submit_sm per segment, a window of"
                + " outstanding submits, a rate limit, reconnects; what the SMSC accepted is logged in DIR/sent.log, so running"
                + " the same command again sends only the rest. Ctrl-C (SIGTERM) lets the outstanding submits finish. See docs/campaigns.md." })
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The campaign folder.")
    Path campaign;

    @Option(names = "--smpp", required = true, split = ",", paramLabel = "HOST:PORT", description = "SMSC addresses (comma-separated or repeated).")
    List<String> smscs;

    @Option(names = "--system-id", required = true, paramLabel = "ID")
    String systemId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PasswordSource password;

    static final class PasswordSource {
        @Option(names = "--password-env", paramLabel = "VARIABLE", description = "The environment variable that holds the SMPP password.")
        String environment;

        @Option(names = "--password-file", paramLabel = "FILE", description = "A file that holds the SMPP password.")
        Path file;
    }

    @Option(names = "--system-type", defaultValue = "", paramLabel = "TYPE")
    String systemType;

    @Option(names = "--binds", defaultValue = "1", paramLabel = "N", description = "Binds to each SMSC address (default: ${DEFAULT-VALUE}).")
    int binds;

    @Option(names = "--window", defaultValue = "100", paramLabel = "N", description = "Outstanding submit_sm at once (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N", description = "At most N submit_sm per second (default: no limit).")
    int rate;

    @Option(names = "--receipts", description = "Ask for delivery receipts (binds as transceiver) and record them in DIR/receipts.log.")
    boolean receipts;

    @Option(names = "--source", defaultValue = "", paramLabel = "ADDRESS", description = "Source address (default: the SMSC's).")
    String source;

    @Option(names = "--skip-in-doubt", description = "Do not send again the segments that were in flight when an earlier run was killed.")
    boolean skipInDoubt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String secret;
        SecretLocation location = password.environment != null ? new SecretLocation.Environment(password.environment)
                : new SecretLocation.File(password.file);
        try (Secret value = SecretResolver.fromProcessEnvironment().resolve(location)) {
            secret = value.reveal();
        } catch (SecretUnavailableException e) {
            err.println("prov send: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        List<CampaignSender.Smsc> addresses;
        try {
            addresses = smscs.stream().map(CampaignSender.Smsc::parse).toList();
        } catch (IllegalArgumentException e) {
            err.println("prov send: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        CampaignSender sender = new CampaignSender(new CampaignSender.Options(campaign, addresses, Math.max(1, binds), systemId, secret,
                systemType, Math.max(1, window), rate, receipts, !skipInDoubt, source, line -> {
                    err.println("prov send: " + line);
                    err.flush();
                }));
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            sender.stop();
            try {
                main.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CampaignSender.Result result = sender.send();
            out.printf(Locale.ROOT, "Sent %,d segment(s) of %,d in %s (%,d accepted before, %,d refused by the SMSC%s)%n", result.sent(),
                    result.segments(), campaign, result.alreadyAccepted(), result.refused(),
                    result.inDoubt() > 0 ? ", " + result.inDoubt() + " in doubt from a killed run" : "");
            if (receipts) {
                out.printf(Locale.ROOT, "  %,d delivery receipt(s) so far in %s%n", result.receipts(), campaign.resolve(CampaignSender.RECEIPTS));
            }
            return 0;
        } catch (SendException e) {
            err.println("prov send: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this thread
            }
        }
    }
}
