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
import org.mexe.studio.smpp.KannelSender;
import org.mexe.studio.smpp.SendException;
import org.mexe.studio.smpp.Sender;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov send}: a front door onto {@link CampaignSender} (SMPP) and {@link KannelSender} (Kannel's sendsms), with no logic of its own. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = { "Submits a campaign folder (prov campaign) over SMPP 3.4 (one binary submit_sm per segment, binds, reconnects,"
                + " receipts) or through Kannel's HTTP sendsms (one request per segment: UDH and binary text); a window of outstanding"
                + " submits and a rate limit either way. What was accepted is logged in DIR/sent.log, so running the same command"
                + " again sends only the rest. Ctrl-C (SIGTERM) lets the outstanding submits finish. See docs/campaigns.md." })
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The campaign folder.")
    Path campaign;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Transport transport;

    static final class Transport {
        @ArgGroup(exclusive = false, heading = "Over SMPP 3.4:%n")
        Smpp smpp;

        @ArgGroup(exclusive = false, heading = "Through Kannel's HTTP sendsms:%n")
        Kannel kannel;
    }

    static final class Smpp {
        @Option(names = "--smpp", required = true, split = ",", paramLabel = "HOST:PORT",
                description = "SMSC addresses (comma-separated or repeated).")
        List<String> smscs;

        @Option(names = "--system-id", required = true, paramLabel = "ID")
        String systemId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;
    }

    static final class PasswordSource {
        @Option(names = "--password-env", paramLabel = "VARIABLE", description = "The environment variable that holds the SMPP password.")
        String environment;

        @Option(names = "--password-file", paramLabel = "FILE", description = "A file that holds the SMPP password.")
        Path file;
    }

    static final class Kannel {
        @Option(names = "--kannel", required = true, paramLabel = "URL",
                description = "smsbox's sendsms URL, e.g. http://127.0.0.1:13013/cgi-bin/sendsms (a URL without a path gets /cgi-bin/sendsms).")
        String url;

        @Option(names = "--kannel-user", required = true, paramLabel = "NAME", description = "The sendsms-user's username.")
        String user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        KannelPasswordSource password;
    }

    static final class KannelPasswordSource {
        @Option(names = "--kannel-password-env", paramLabel = "VARIABLE",
                description = "The environment variable that holds the sendsms-user's password.")
        String environment;

        @Option(names = "--kannel-password-file", paramLabel = "FILE", description = "A file that holds the sendsms-user's password.")
        Path file;
    }

    @Option(names = "--system-type", defaultValue = "", paramLabel = "TYPE", description = "SMPP only.")
    String systemType;

    @Option(names = "--binds", defaultValue = "1", paramLabel = "N", description = "Binds to each SMSC address (default: ${DEFAULT-VALUE}). SMPP only.")
    int binds;

    @Option(names = "--window", defaultValue = "100", paramLabel = "N", description = "Outstanding submit_sm or sendsms requests at once (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N", description = "At most N submit_sm or sendsms requests per second (default: no limit).")
    int rate;

    @Option(names = "--receipts", description = "Ask for delivery receipts (binds as transceiver) and record them in DIR/receipts.log. SMPP only.")
    boolean receipts;

    @Option(names = "--source", defaultValue = "", paramLabel = "ADDRESS", description = "Source address (default: the SMSC's, or the sendsms-user's default-sender).")
    String source;

    @Option(names = "--skip-in-doubt", description = "Do not send again the segments that were in flight when an earlier run was killed.")
    boolean skipInDoubt;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean kannel = transport.kannel != null;
        if (kannel && (receipts || binds != 1 || !systemType.isEmpty())) {
            err.println("prov send: --receipts, --binds and --system-type are SMPP options; Kannel's sendsms takes none of them"
                    + " (its delivery reports need a dlr-url of your own).");
            return Prov.EXIT_USAGE;
        }
        String secret;
        SecretLocation location = kannel
                ? transport.kannel.password.environment != null ? new SecretLocation.Environment(transport.kannel.password.environment)
                        : new SecretLocation.File(transport.kannel.password.file)
                : transport.smpp.password.environment != null ? new SecretLocation.Environment(transport.smpp.password.environment)
                        : new SecretLocation.File(transport.smpp.password.file);
        try (Secret value = SecretResolver.fromProcessEnvironment().resolve(location)) {
            secret = value.reveal();
        } catch (SecretUnavailableException e) {
            err.println("prov send: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        java.util.function.Consumer<String> progress = line -> {
            err.println("prov send: " + line);
            err.flush();
        };
        Sender sender;
        try {
            sender = kannel
                    ? new KannelSender(new KannelSender.Options(campaign, KannelSender.parse(transport.kannel.url), transport.kannel.user,
                            secret, Math.max(1, window), rate, !skipInDoubt, source, progress))
                    : new CampaignSender(new CampaignSender.Options(campaign,
                            transport.smpp.smscs.stream().map(CampaignSender.Smsc::parse).toList(), Math.max(1, binds),
                            transport.smpp.systemId, secret, systemType, Math.max(1, window), rate, receipts, !skipInDoubt, source, progress));
        } catch (IllegalArgumentException e) {
            err.println("prov send: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
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
            out.printf(Locale.ROOT, "Sent %,d segment(s) of %,d in %s (%,d accepted before, %,d refused by the %s%s)%n", result.sent(),
                    result.segments(), campaign, result.alreadyAccepted(), result.refused(), kannel ? "Kannel" : "SMSC",
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
