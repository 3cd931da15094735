package org.mexe.studio.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.generator.campaign.CampaignPlan;
import org.mexe.studio.generator.campaign.CampaignRun;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.smpp.CampaignSender;
import org.mexe.studio.smpp.LoopbackSmsc;

/**
 * Sending throughput to the loopback SMSC (not JMH: a send is seconds of network round trips, not a
 * microbenchmark): a campaign of N subscribers of the typical document (5 segments each) is made,
 * then sent with a window of W over B binds, and submit_sm per second printed.
 * Usage: {@code java -cp benchmarks.jar org.mexe.studio.benchmarks.SendThroughput WORKDIR [N] [WINDOW] [BINDS]}.
 */
public final class SendThroughput {

    private SendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int binds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path campaign = campaign(work, subscribers);
        try (LoopbackSmsc smsc = new LoopbackSmsc("bench", "bench", false)) {
            long started = System.nanoTime();
            CampaignSender.Result result = new CampaignSender(new CampaignSender.Options(campaign,
                    List.of(new CampaignSender.Smsc("127.0.0.1", smsc.port())), binds, "bench", "bench", "", window, 0, false, true, "",
                    line -> { })).send();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%,d submit_sm in %.1f s: %,.0f submit_sm/s (window %d, %d binds, SMSC received %,d)%n",
                    result.sent(), seconds, result.sent() / seconds, window, binds, smsc.submits());
        }
    }

    static Path campaign(Path work, int subscribers) throws IOException, org.mexe.studio.generator.campaign.CampaignException {
        Files.createDirectories(work);
        Path csv = work.resolve("send-" + subscribers + ".csv");
        StringBuilder text = new StringBuilder("msisdn,imsi\n");
        for (int i = 0; i < subscribers; i++) {
            text.append("+4477").append(String.format("%08d", i)).append(",00101").append(String.format("%010d", i)).append('\n');
        }
        Files.writeString(csv, text);
        Path campaign = work.resolve("send-campaign-" + System.nanoTime());
        CampaignRun.run(CampaignPlan.omaCp("bench.Send", 1, "bench.Send/01-deliver-Typical", SecurityMethod.NETWPIN,
                ProvWbxml.encode(BenchmarkDocuments.named("typical")), CampaignPlan.PinSource.NONE, null, List.of()),
                CampaignRun.Options.of(csv, campaign));
        return campaign;
    }
}
