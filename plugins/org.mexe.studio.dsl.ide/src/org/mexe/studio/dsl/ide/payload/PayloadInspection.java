package org.mexe.studio.dsl.ide.payload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlLanguage;
import org.mexe.studio.codec.wbxml.WbxmlListing;
import org.mexe.studio.dsl.ide.model.ElementAt;
import org.mexe.studio.dsl.validation.PayloadValidator;
import org.mexe.studio.model.constraints.Keywords;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.Scenario;

/**
 * What the delivery under the caret becomes, layer by layer, as the generator encodes it: the
 * document, its WBXML, the WSP push and every SMS, with their sizes against the target handsets'
 * limits. Secrets are counted with stand-ins ({@link PayloadValidator#encodeWithStandIns}), so the
 * sizes are exact and no secret is read or shown; the MAC needs the PIN or IMSI, so it is made at
 * generation, not here. An editor feature of every front door (the IDE's Payload Inspector).
 */
public final class PayloadInspection {

    /** One titled part of the inspection: a summary line and its text (XML, or a hex dump). */
    public record Section(String title, String summary, String text) {
    }

    /** The delivery inspected and its sections. */
    public record Inspection(String delivery, List<Section> sections) {
    }

    private PayloadInspection() {
    }

    /** The inspection of the delivery whose text holds {@code offset}, or empty when the caret is in none. */
    public static Optional<Inspection> at(XtextResource resource, int offset) {
        return ElementAt.of(resource, offset, ParameterDelivery.class).map(PayloadInspection::of);
    }

    static Inspection of(ParameterDelivery delivery) {
        String name = "deliver " + String.join(" + ", delivery.getParameterSets().stream()
                .map(s -> s.eIsProxy() || s.getName() == null ? "?" : s.getName()).toList());
        if (delivery.getParameterSets().isEmpty() || delivery.getParameterSets().stream().anyMatch(s -> s.eIsProxy() || s.getName() == null)) {
            return new Inspection(name, List.of(new Section("Not encoded", "every parameter set must resolve first", "")));
        }
        Set<String> standIns = new HashSet<>();
        DeliveryPayload.Encoded encoded;
        try {
            encoded = PayloadValidator.encodeWithStandIns(delivery, standIns);
        } catch (MessageTooLongException e) {
            return new Inspection(name, List.of(new Section("Too long", e.segmentsNeeded()
                    + " SMS: more than one concatenated message can have", "")));
        } catch (RuntimeException e) {
            return new Inspection(name, List.of(new Section("Not encoded", "a value the codec refuses: " + e.getMessage(), "")));
        }
        List<Section> sections = new ArrayList<>();
        String secrets = standIns.isEmpty() ? "" : "; each of the " + standIns.size() + " password(s) is a stand-in of "
                + PayloadValidator.SECRET_STAND_IN_LENGTH + " characters, never the secret";
        sections.add(new Section("Sizes", encoded.smsCount() + " SMS, " + encoded.wbxml().length + " WBXML bytes, "
                + encoded.wspPush().length + " push bytes, " + Keywords.of(encoded.format()) + ", security "
                + encoded.security().map(s -> s.getClass().getSimpleName()).orElse("none") + secrets, handsets(delivery, encoded.smsCount())));
        sections.add(new Section("Document", Keywords.of(encoded.format()) + " XML", encoded.xml()));
        sections.add(new Section("WBXML", encoded.wbxml().length + " bytes, each named as a handset's decoder reads it",
                annotated(encoded.wbxml(), encoded.format() == DeliveryFormat.NOKIA_OTA ? DeliveryPayload.NOKIA_OTA.language() : ProvLanguage.PROV_1_0)));
        sections.add(new Section("WSP push", encoded.wspPush().length + " bytes: the push PDU the SMS carry", dump(encoded.wspPush())));
        List<SmsSubmit> submits = encoded.submits();
        for (int i = 0; i < submits.size(); i++) {
            byte[] tpdu = SmsSubmitCodec.encode(submits.get(i));
            sections.add(new Section("SMS " + (i + 1) + " of " + submits.size(), tpdu.length + " TPDU bytes, "
                    + submits.get(i).header().encode().length + " of them header", dump(tpdu)));
        }
        sections.add(new Section("MAC", "made at generation from the PIN or IMSI, which the inspector never reads", ""));
        return new Inspection(name, sections);
    }

    private static String handsets(ParameterDelivery delivery, int sms) {
        Scenario scenario = EcoreUtil2.getContainerOfType(delivery, Scenario.class);
        if (scenario == null || scenario.getHandsets().isEmpty()) {
            return "no target handsets: the scenario names none";
        }
        StringBuilder text = new StringBuilder();
        for (HandsetProfile handset : scenario.getHandsets()) {
            if (handset.eIsProxy()) {
                continue;
            }
            int limit = DeliveryPayload.segmentLimit(handset);
            text.append(handset.getName()).append(": takes ").append(limit).append(" SMS, ")
                    .append(sms <= limit ? "fits" : "TOO MANY (" + sms + " > " + limit + ")").append('\n');
        }
        return text.toString();
    }

    /** One line a header field or token: offset, its bytes and what it is (the text holds stand-ins, never secrets). */
    public static String annotated(byte[] wbxml, WbxmlLanguage language) {
        return WbxmlListing.of(wbxml, WbxmlDecoder.annotate(language, wbxml, new ArrayList<>()));
    }

    /** 16 bytes a line: offset, hex, and the printable ASCII beside it. */
    public static String dump(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            text.append(String.format(Locale.ROOT, "%04X  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < bytes.length) {
                    int b = bytes[i] & 0xFF;
                    text.append(String.format(Locale.ROOT, "%02X ", b));
                    ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    text.append("   ");
                }
            }
            text.append(' ').append(ascii).append('\n');
        }
        return text.toString();
    }
}
