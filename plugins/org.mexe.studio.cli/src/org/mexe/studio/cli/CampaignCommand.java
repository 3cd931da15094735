package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.campaign.CampaignException;
import org.mexe.studio.generator.campaign.CampaignPlan;
import org.mexe.studio.generator.campaign.CampaignPlanner;
import org.mexe.studio.generator.campaign.CampaignRun;
import org.mexe.studio.security.SecretResolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code prov campaign}: a front door onto {@link CampaignRun}, with no logic of its own. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = { "Streams a subscriber file through a scenario's per-subscriber delivery into a campaign folder:"
                + " one record per subscriber (MSISDN and SMS-SUBMIT TPDUs) in submits.bin, bad rows in rejects.csv,"
                + " in bounded memory on every core. Resumable after a crash with --resume. See docs/campaigns.md." })
final class CampaignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".prov files, or folders to search for them.")
    List<Path> paths;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "The scenario, e.g. fjord.scenarios.CapitalLaunch.")
    String scenario;

    @Option(names = "--stage", paramLabel = "N", description = "The stage to stream, when the scenario delivers to subscribers in several.")
    Integer stage;

    @Option(names = "--subscribers", required = true, paramLabel = "FILE", description = "The subscriber CSV (msisdn, imsi, pin columns as the delivery needs).")
    Path subscribers;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR",
            description = "The campaign folder: new or empty, or with --resume one that prov campaign wrote.")
    Path output;

    @Option(names = "--user-pins", paramLabel = "FILE", description = "Where the PINs of 'pin generated' go (owner-only, outside DIR).")
    Path userPins;

    @Option(names = "--resume", description = "Continue the campaign in DIR from its last checkpoint (or start it, when DIR is new).")
    boolean resume;

    @Option(names = "--max-rejects", paramLabel = "N", description = "Stop, generating nothing, when more than N rows are rejected (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + CampaignRun.DEFAULT_MAX_REJECTS)
    long maxRejects;

    @Option(names = "--shard", paramLabel = "i/n", description = "Only the subscribers of shard i of n (by a hash of the MSISDN; see docs/campaigns.md).")
    String shard;

    @Option(names = "--workers", paramLabel = "N", description = "Encoding threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--progress", paramLabel = "KIND", defaultValue = "auto",
            description = "bar (a progress bar), lines (a line every 10 s), none; auto: bar on a terminal, else lines.")
    String progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CampaignRun.Shard selected;
        try {
            selected = shard == null ? CampaignRun.Shard.ALL : CampaignRun.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            err.println("prov campaign: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        SecretResolver secrets = SecretResolver.fromProcessEnvironment();
        CampaignPlan plan;
        try {
            ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
            var loaded = pipeline.load(paths, secrets);
            List<Problem> errors = pipeline.validate(loaded).stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                errors.forEach(p -> err.println(p.format()));
                err.println("prov campaign: " + errors.size() + " error(s) in the input: nothing was generated.");
                return Prov.EXIT_INVALID_INPUT;
            }
            plan = CampaignPlanner.plan(loaded, scenario, stage == null ? OptionalInt.empty() : OptionalInt.of(stage), secrets);
        } catch (GenerationException e) {
            e.problems().forEach(p -> err.println(p.format()));
            err.println("prov campaign: " + e.getMessage());
            return e.reason() == GenerationException.Reason.INVALID_INPUT ? Prov.EXIT_INVALID_INPUT : Prov.EXIT_GENERATION_FAILED;
        }
        ProgressDisplay display = ProgressDisplay.of(progress, err);
        CampaignRun.Options options = CampaignRun.Options.of(subscribers, output).withResume(resume).withMaxRejects(maxRejects)
                .withShard(selected).withUserPins(Optional.ofNullable(userPins)).withListener(display::show);
        if (workers != null) {
            options = options.withWorkers(workers);
        }
        CampaignRun.Summary summary;
        try {
            summary = CampaignRun.run(plan, options);
        } catch (CampaignRun.TooManyRejectsException e) {
            display.end();
            err.println("prov campaign: " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (CampaignException e) {
            display.end();
            err.println("prov campaign: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        }
        display.end();
        out.printf("Campaign %s stage %d (%s, %d SMS per subscriber) in %s%s%n", plan.scenario(), plan.stage(),
                plan.securityName(), summary.smsPerSubscriber(), summary.folder(),
                summary.alreadyComplete() ? ": already complete" : summary.resumed() ? ": resumed and complete" : "");
        out.printf(Locale.ROOT, "  subscribers: %,d   SMS: %,d   bytes: %,d (submits.bin)%n", summary.subscribers(), summary.sms(),
                summary.bytes());
        out.printf(Locale.ROOT, "  rejects: %,d%s, listed with their line in %s%n", summary.rejects(), summary.rejectReasons().isEmpty() ? ""
                : " (" + summary.rejectReasons().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + ")", summary.folder().resolve("rejects.csv"));
        if (summary.otherShards() > 0) {
            out.printf(Locale.ROOT, "  left to other shards: %,d (this is shard %s)%n", summary.otherShards(), selected);
        }
        summary.userPins().ifPresent(pins -> out.printf("  %s: the generated USERPINs and the key that regenerates them,"
                + " readable only by you: keep it secret, never ship it with the campaign%n", pins));
        out.printf("Send it with: prov send %s --smpp HOST:PORT --system-id ID --password-env VARIABLE%n", summary.folder());
        return 0;
    }

    /** A progress bar on a terminal, else a line every 10 seconds; plain code: one line of output needs no library. */
    static final class ProgressDisplay {

        private final PrintWriter err;
        private final boolean bar;
        private final boolean quiet;
        private long lastLine;
        private boolean drawn;

        private ProgressDisplay(PrintWriter err, boolean bar, boolean quiet) {
            this.err = err;
            this.bar = bar;
            this.quiet = quiet;
        }

        static ProgressDisplay of(String kind, PrintWriter err) {
            return switch (kind) {
                case "bar" -> new ProgressDisplay(err, true, false);
                case "lines" -> new ProgressDisplay(err, false, false);
                case "none" -> new ProgressDisplay(err, false, true);
                default -> new ProgressDisplay(err, isTerminal(), false);
            };
        }

        /** Java 22 and later say whether the console is a terminal; before, a console is one. */
        private static boolean isTerminal() {
            var console = System.console();
            if (console == null) {
                return false;
            }
            try {
                Method method = console.getClass().getMethod("isTerminal");
                return (Boolean) method.invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        void show(CampaignRun.Progress progress) {
            if (quiet || "done".equals(progress.phase())) {
                return;
            }
            double seconds = progress.nanos() / 1e9;
            double fraction = progress.bytesTotal() == 0 ? 1 : (double) progress.bytesRead() / progress.bytesTotal();
            double rate = seconds > 0 ? progress.subscribers() / seconds : 0;
            String eta = fraction > 0.001 && seconds > 0 ? duration(seconds / fraction - seconds) : "--:--";
            if (bar) {
                int width = 30;
                int filled = (int) (fraction * width);
                err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %,d subscribers %,.0f/s ETA %s ", progress.phase(), "#".repeat(filled),
                        ".".repeat(width - filled), fraction * 100, progress.subscribers(), rate, eta);
                err.flush();
                drawn = true;
            } else {
                long now = progress.nanos();
                if (lastLine == 0 && now < 10_000_000_000L || now - lastLine < 10_000_000_000L) {
                    return;
                }
                lastLine = now;
                err.printf(Locale.ROOT, "prov campaign: %s %.0f%%, %,d subscribers, %,d SMS, %,d rejects, %,.0f subscribers/s, ETA %s%n",
                        progress.phase(), fraction * 100, progress.subscribers(), progress.sms(), progress.rejects(), rate, eta);
                err.flush();
            }
        }

        void end() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }

        private static String duration(double seconds) {
            long s = Math.max(0, Math.round(seconds));
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
