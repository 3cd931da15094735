package org.mexe.studio.benchmarks;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A bulk campaign: one document, already WBXML, sent to many subscribers. Per subscriber the
 * operator signs it with that SIM's NETWPIN, wraps it in a WSP push and cuts it into SMS-SUBMIT
 * TPDUs. One operation is one subscriber, so ops/s is subscribers per second. The HMAC
 * benchmarks over the same bytes are the ceiling: the cryptography every subscriber needs anyway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PerSubscriberBenchmark {

    /** Subscribers cycled through, enough to defeat any caching of a single key. */
    private static final int SUBSCRIBERS = 1024;
    private static final int TRANSACTION_ID = 0x01;

    private byte[] wbxml;
    private final String[] imsis = new String[SUBSCRIBERS];
    private final SubmitParameters[] destinations = new SubmitParameters[SUBSCRIBERS];
    private final SecretKeySpec[] keys = new SecretKeySpec[SUBSCRIBERS];
    private Mac mac;
    private int next;
    private final String[] msisdns = new String[SUBSCRIBERS];
    private SubscriberEncoder campaign;
    private final ByteSink record = new ByteSink(4096);

    @Setup
    public void setUp() throws GeneralSecurityException {
        wbxml = ProvWbxml.encode(BenchmarkDocuments.named("typical"));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            imsis[i] = "2340155%08d".formatted(1_000_003L * i % 100_000_000L);
            destinations[i] = new SubmitParameters(SmsAddress.international("4477009%05d".formatted(i)), i & 0xFF, i & 0xFF);
            keys[i] = new SecretKeySpec(new CpSecurity.NetworkPin(imsis[i]).key(), "HmacSHA1");
        }
        mac = Mac.getInstance("HmacSHA1");
        for (int i = 0; i < SUBSCRIBERS; i++) {
            msisdns[i] = "+4477009%05d".formatted(i);
        }
        campaign = new SubscriberEncoder(CampaignPlan.omaCp("bench.Campaign", 1, "bench.Campaign/01-deliver-Typical",
                SecurityMethod.NETWPIN, wbxml, CampaignPlan.PinSource.NONE, null, List.of()));
    }

    private int subscriber() {
        return next++ & (SUBSCRIBERS - 1);
    }

    /** The codec's whole per-subscriber path: NETWPIN MAC, WSP push, SMS-SUBMIT TPDUs. */
    @Benchmark
    public void subscriber(Blackhole blackhole) {
        int i = subscriber();
        PushSignature signature = new CpSecurity.NetworkPin(imsis[i]).sign(wbxml);
        byte[] push = WspPushCodec.encode(new WspPush(TRANSACTION_ID, WspPush.CONNECTIVITY_WBXML, Optional.of(signature), wbxml));
        for (SmsSubmit submit : SmsSegmenter.segment(push, ApplicationPorts.WAP_PUSH, destinations[i])) {
            blackhole.consume(SmsSubmitCodec.encode(submit));
        }
    }

    /**
     * The campaign's streaming encoder (prov campaign): the same bytes as {@link #subscriber}, plus the
     * record framing, with the push and TPDU layout fixed once and reused buffers.
     */
    @Benchmark
    public int campaignEncoder() {
        int i = subscriber();
        record.clear();
        campaign.encode(msisdns[i], imsis[i], null, record);
        return record.size();
    }

    /** HMAC-SHA1 alone, with one Mac re-keyed per subscriber: what no encoder can beat. */
    @Benchmark
    public byte[] hmacSha1() throws GeneralSecurityException {
        mac.init(keys[subscriber()]);
        return mac.doFinal(wbxml);
    }

    /** HMAC-SHA1 with a Mac looked up per subscriber, as CpSecurity does: the price of the provider lookup. */
    @Benchmark
    public byte[] hmacSha1NewMac() throws GeneralSecurityException {
        Mac fresh = Mac.getInstance("HmacSHA1");
        fresh.init(keys[subscriber()]);
        return fresh.doFinal(wbxml);
    }
}
