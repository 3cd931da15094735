package org.mexe.studio.smpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.generator.campaign.CampaignFile;
import org.mexe.studio.generator.campaign.CampaignPlan;
import org.mexe.studio.generator.campaign.CampaignRun;
import org.mexe.studio.model.provisioning.SecurityMethod;

/** The campaign the sending tests send, and what the SMSC must receive of it. */
final class TestCampaigns {

    private TestCampaigns() {
    }

    /** A complete campaign of {@code subscribers} (a third national, the rest international) in {@code folder}/campaign. */
    static Path campaign(Path folder, int subscribers) throws Exception {
        StringBuilder csv = new StringBuilder("msisdn,imsi\n");
        for (int i = 0; i < subscribers; i++) {
            csv.append(i % 3 == 0 ? "0770" : "+4477").append(String.format("%07d", i)).append(",23415").append(String.format("%010d", i))
                    .append('\n');
        }
        Path file = Files.writeString(folder.resolve("subs.csv"), csv);
        byte[] wbxml = new byte[300];
        new Random(1).nextBytes(wbxml);
        CampaignPlan plan = CampaignPlan.omaCp("send.Test", 1, "send.Test/01-deliver-Home", SecurityMethod.NETWPIN, wbxml,
                CampaignPlan.PinSource.NONE, null, List.of());
        CampaignRun.run(plan, CampaignRun.Options.of(file, folder.resolve("campaign")));
        return folder.resolve("campaign");
    }

    /** Every segment of the campaign by the key the SMSC sees (destination and user data). */
    static Map<String, Integer> expected(Path campaign) throws IOException {
        Map<String, Integer> segments = new HashMap<>();
        try (CampaignFile.Reader reader = new CampaignFile.Reader(campaign.resolve(CampaignFile.SUBMITS))) {
            for (CampaignFile.Message m = reader.next(); m != null; m = reader.next()) {
                for (byte[] tpdu : m.tpdus()) {
                    SmsSubmit submit = SmsSubmitCodec.decode(tpdu);
                    byte[] header = submit.header().encode();
                    byte[] userData = new byte[header.length + submit.payload().length];
                    System.arraycopy(header, 0, userData, 0, header.length);
                    System.arraycopy(submit.payload(), 0, userData, header.length, submit.payload().length);
                    String destination = m.msisdn().startsWith("+") ? m.msisdn().substring(1) : m.msisdn();
                    segments.merge(new LoopbackSmsc.Received("", destination, 0, 0, 0, 0, 0, userData, "").key(), 1, Integer::sum);
                }
            }
        }
        return segments;
    }

    static Map<String, Integer> arrived(LoopbackSmsc smsc) {
        Map<String, Integer> counts = new HashMap<>();
        smsc.received().forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

}
