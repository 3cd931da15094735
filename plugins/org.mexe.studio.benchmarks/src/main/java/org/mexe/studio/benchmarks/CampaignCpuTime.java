package org.mexe.studio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.generator.campaign.ByteSink;
import org.mexe.studio.generator.campaign.CampaignPlan;
import org.mexe.studio.generator.campaign.SubscriberEncoder;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * The per-subscriber paths of {@link PerSubscriberBenchmark} timed by the thread's CPU time instead
 * of the wall clock, interleaved round by round: on a machine shared with other builds (load
 * average far above the core count) wall-clock throughput measures the neighbours, CPU time per
 * operation much less so. Prints subscribers per CPU-second of each path and the campaign
 * encoder's share of the HMAC-SHA1 ceiling.
 * Usage: {@code java -cp benchmarks.jar org.mexe.studio.benchmarks.CampaignCpuTime [ROUNDS]}.
 */
public final class CampaignCpuTime {

    private static final int SUBSCRIBERS = 1024;

    private CampaignCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[] wbxml = ProvWbxml.encode(BenchmarkDocuments.named("typical"));
        String[] imsis = new String[SUBSCRIBERS];
        String[] msisdns = new String[SUBSCRIBERS];
        SecretKeySpec[] keys = new SecretKeySpec[SUBSCRIBERS];
        SubmitParameters[] destinations = new SubmitParameters[SUBSCRIBERS];
        for (int i = 0; i < SUBSCRIBERS; i++) {
            imsis[i] = "2340155%08d".formatted(1_000_003L * i % 100_000_000L);
            msisdns[i] = "+4477009%05d".formatted(i);
            keys[i] = new SecretKeySpec(new CpSecurity.NetworkPin(imsis[i]).key(), "HmacSHA1");
            destinations[i] = new SubmitParameters(SmsAddress.international("4477009%05d".formatted(i)), 0, i & 0xFF);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        SubscriberEncoder encoder = new SubscriberEncoder(CampaignPlan.omaCp("bench.Campaign", 1, "bench.Campaign/01-deliver-Typical",
                SecurityMethod.NETWPIN, wbxml, CampaignPlan.PinSource.NONE, null, List.of()));
        ByteSink record = new ByteSink(4096);
        long[] sink = new long[1];
        Runnable hmac = () -> {
            for (int i = 0; i < 200_000; i++) {
                try {
                    mac.init(keys[i & (SUBSCRIBERS - 1)]);
                    sink[0] += mac.doFinal(wbxml)[0];
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Runnable campaign = () -> {
            for (int i = 0; i < 200_000; i++) {
                record.clear();
                encoder.encode(msisdns[i & (SUBSCRIBERS - 1)], imsis[i & (SUBSCRIBERS - 1)], null, record);
                sink[0] += record.size();
            }
        };
        Runnable codec = () -> {
            for (int i = 0; i < 200_000; i++) {
                int s = i & (SUBSCRIBERS - 1);
                PushSignature signature = new CpSecurity.NetworkPin(imsis[s]).sign(wbxml);
                byte[] push = WspPushCodec.encode(new WspPush(1, WspPush.CONNECTIVITY_WBXML, Optional.of(signature), wbxml));
                for (SmsSubmit submit : SmsSegmenter.segment(push, ApplicationPorts.WAP_PUSH, destinations[s])) {
                    sink[0] += SmsSubmitCodec.encode(submit).length;
                }
            }
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) {
            hmac.run();
            campaign.run();
            codec.run();
        }
        long[] cpu = new long[3];
        Runnable[] paths = { hmac, campaign, codec };
        for (int round = 0; round < rounds; round++) {
            for (int p = 0; p < paths.length; p++) {
                long start = threads.getCurrentThreadCpuTime();
                paths[p].run();
                cpu[p] += threads.getCurrentThreadCpuTime() - start;
            }
        }
        double ops = 200_000.0 * rounds;
        double hmacRate = ops / (cpu[0] / 1e9);
        double campaignRate = ops / (cpu[1] / 1e9);
        double codecRate = ops / (cpu[2] / 1e9);
        System.out.printf(Locale.ROOT, "hmacSha1 (ceiling)   %,12.0f per CPU-second%n", hmacRate);
        System.out.printf(Locale.ROOT, "campaignEncoder      %,12.0f per CPU-second (%.0f %% of the ceiling)%n", campaignRate,
                100 * campaignRate / hmacRate);
        System.out.printf(Locale.ROOT, "codec path (before)  %,12.0f per CPU-second (%.0f %% of the ceiling)%n", codecRate,
                100 * codecRate / hmacRate);
        System.out.println("(checksum " + sink[0] + ")");
    }
}
