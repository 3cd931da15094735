package org.mexe.studio.run;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.PushMessageDecoder;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.ReassembledText;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsReassembler;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.smpp.HandsetLink;
import org.mexe.studio.smpp.HandsetLink.MobileTerminated;

/**
 * One simulated handset: a profile of the model with an MSISDN, an IMSI and a user who types the
 * PIN they were told. It trusts only the bytes it receives: it reassembles the SMS the SMSC
 * delivers (at most its segment limit), decodes them leniently, checks the MAC with the IMSI or the
 * typed PIN, keeps the settings it can read and remembers the URLs the delivered document names.
 */
final class SimulatedHandset implements AutoCloseable {

    /** A URL the delivered settings name, with the name the handset shows for it. */
    record Link(String name, URI uri) {
    }

    /** The SCTS the SMSC stamps: fixed, so that a run decodes the same bytes each time. */
    private static final OffsetDateTime SMSC_TIMESTAMP = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    final HandsetProfile profile;
    final String msisdn;
    final String imsi;
    final Optional<String> typedPin;
    /** Roots by certificate name, each with the security domain the handset puts it in. */
    final Map<String, X509Certificate> roots = new LinkedHashMap<>();
    final Map<String, String> domainOfRoot = new LinkedHashMap<>();
    final List<Link> settings = new ArrayList<>();
    SimulatedNetwork.Response page;
    /** The user data of the last message reassembled: the push as the handset got it. */
    byte[] lastMessage = new byte[0];
    private final BlockingQueue<MobileTerminated> inbox = new LinkedBlockingQueue<>();
    private HandsetLink link;

    SimulatedHandset(HandsetProfile profile, String msisdn, String imsi, Optional<String> typedPin) {
        this.profile = profile;
        this.msisdn = msisdn;
        this.imsi = imsi;
        this.typedPin = typedPin;
    }

    String name() {
        return profile.getName();
    }

    /** Attaches to the network: a receiver bind at the SMSC with this handset's MSISDN. */
    void attach(int smscPort, String password) throws IOException {
        link = HandsetLink.bind(smscPort, msisdn, password, this::radio);
    }

    /** A message off the air, as the SMSC delivered it. */
    void radio(MobileTerminated message) {
        inbox.add(message);
    }

    int segmentLimit() {
        return !profile.isConcatenatedSms() ? 1 : profile.getSegmentLimit() > 0 ? profile.getSegmentLimit() : 255;
    }

    boolean reads(DeliveryFormat format) {
        return profile.getFormats().isEmpty() ? format == DeliveryFormat.OMA_CP : profile.getFormats().contains(format);
    }

    /** What the SMSC delivers, until {@code count} messages are in or {@code patience} is over. */
    List<MobileTerminated> receive(int count, Duration patience) throws InterruptedException {
        List<MobileTerminated> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (arrived.size() < count) {
            MobileTerminated next = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            arrived.add(next);
        }
        return arrived;
    }

    /**
     * Waits for the {@code sent} segments of one message, puts the radio's faults in, and takes the
     * message as a handset would.
     */
    Step receiveSettings(int sent, Duration patience, Set<Fault> faults) throws InterruptedException {
        Step step = new Step();
        List<MobileTerminated> arrived = receive(sent, patience);
        step.fact("SMS received", arrived.size() + " of " + sent + " sent");
        List<MobileTerminated> air = new ArrayList<>(arrived);
        if (faults.contains(Fault.LOSE_SEGMENT) && !air.isEmpty()) {
            int lost = air.size() > 1 ? 1 : 0;
            air.remove(lost);
            step.fact("radio", "segment " + (lost + 1) + " lost on purpose (fault " + Fault.LOSE_SEGMENT.option() + ")");
        }
        if (faults.contains(Fault.DUPLICATE_SEGMENT) && air.size() > 1) {
            air.add(2, air.get(1));
            step.fact("radio", "segment 2 delivered twice on purpose (fault " + Fault.DUPLICATE_SEGMENT.option() + ")");
        }
        SmsReassembler reassembler = new SmsReassembler(InstantSource.system(), Duration.ofHours(1), 8);
        Optional<ReassembledText> message = Optional.empty();
        BitSet parts = new BitSet();
        int total = 1;
        for (MobileTerminated mt : air) {
            SmsDeliver deliver;
            try {
                deliver = SmsDeliverCodec.fromUserData(originator(mt.originator()), mt.protocolId(), mt.dataCoding(), SMSC_TIMESTAMP,
                        mt.hasUserDataHeader(), mt.shortMessage());
            } catch (CodecException | IllegalArgumentException e) {
                return step.failed("a segment is no SMS-DELIVER the handset can read: " + e.getMessage(), "nothing: the handset drops it");
            }
            Optional<Concatenation> concatenation = deliver.header().concatenation();
            if (concatenation.isPresent()) {
                total = concatenation.get().total();
                parts.set(concatenation.get().sequence() - 1);
                if (total > segmentLimit()) {
                    return step.failed("the message has " + total + " segments and " + name() + " reassembles at most " + segmentLimit(),
                            "nothing: the handset drops the segments");
                }
            } else {
                parts.set(0);
            }
            Optional<ReassembledText> complete = reassembler.accept(deliver);
            if (complete.isPresent()) {
                message = complete;
            }
        }
        List<CodecWarning> tolerated = new ArrayList<>(reassembler.drainWarnings());
        if (message.isEmpty()) {
            BitSet missing = new BitSet();
            missing.set(0, total);
            missing.andNot(parts);
            String which = missing.stream().mapToObj(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "));
            return step.failed("the message never completed: part(s) " + (which.isEmpty() ? "?" : which) + " of " + total
                    + " did not arrive", "nothing: an incomplete message is never shown");
        }
        step.fact("segments", total + " (" + name() + " takes up to " + segmentLimit() + ")");
        lastMessage = message.get().userData();
        PushMessageDecoder.Message decoded;
        try {
            decoded = PushMessageDecoder.decode(message.get().userData());
        } catch (CodecException e) {
            return step.failed("the reassembled message does not decode: " + e.getMessage(), "nothing: the handset drops it");
        }
        tolerated.addAll(decoded.warnings());
        if (!tolerated.isEmpty()) {
            step.fact("tolerated", tolerated.stream().map(CodecWarning::toString).collect(Collectors.joining("; ")));
        }
        return switch (decoded) {
            case PushMessageDecoder.Provisioning provisioning -> provisioning(step, provisioning);
            case PushMessageDecoder.Push push -> push(step, push);
        };
    }

    private Step provisioning(Step step, PushMessageDecoder.Provisioning provisioning) {
        step.fact("document", "OMA Client Provisioning, " + provisioning.decoded().wbxml().length + " WBXML bytes");
        if (!reads(DeliveryFormat.OMA_CP)) {
            return step.failed(name() + " does not read OMA Client Provisioning: it ignores the message", "nothing");
        }
        var signature = provisioning.decoded().signature();
        if (signature.isPresent()) {
            var method = signature.get().method();
            boolean pinNeeded = switch (method) {
                case USERPIN, USERNETWPIN, USERPINMAC -> true;
                case NETWPIN -> false;
            };
            if (pinNeeded && typedPin.isEmpty()) {
                return step.failed("the settings are signed with " + method + " and the user has no PIN to type", "Enter PIN");
            }
            MacStatus mac = provisioning.decoded().checkMac(pinNeeded ? typedPin : Optional.empty(), Optional.of(imsi));
            step.fact("MAC", (mac == MacStatus.VALID ? "valid" : mac == MacStatus.INVALID ? "INVALID" : "not checked") + " (" + method
                    + (pinNeeded ? ", PIN typed by the user" : "") + (method != org.mexe.studio.codec.wsp.SecurityMethod.USERPIN ? ", IMSI " + imsi : "")
                    + ")");
            if (mac != MacStatus.VALID) {
                return step.failed("the MAC does not verify with " + (pinNeeded ? "the PIN the user typed" : "the IMSI")
                        + ": the handset discards the settings", pinNeeded ? "Invalid PIN. Settings not saved." : "Settings not saved.");
            }
        } else {
            step.fact("MAC", "none: unsigned settings, which the user accepts");
        }
        collectLinks(provisioning.decoded().document().characteristics());
        step.fact("settings", provisioning.decoded().document().characteristics().size() + " characteristic(s) saved; "
                + settings.size() + " URL(s)");
        step.fact(TraceEvent.SCREEN, "New settings saved");
        return step.ok("settings received, verified and saved");
    }

    private Step push(Step step, PushMessageDecoder.Push push) {
        PushDocumentType type = push.type();
        boolean nokia = type == PushDocumentType.NOKIA_OTA_SETTINGS || type == PushDocumentType.NOKIA_OTA_BOOKMARKS;
        step.fact("document", type + ", unsigned (" + type + " has no MAC)");
        if (nokia && !reads(DeliveryFormat.NOKIA_OTA)) {
            return step.failed(name() + " does not read Nokia OTA settings: it ignores the message", "nothing");
        }
        collectLinks(push.document());
        step.fact("settings", settings.size() + " URL(s)");
        step.fact(TraceEvent.SCREEN, nokia ? "Settings received: save?" : "Service message");
        return step.ok("settings received and saved (the user accepts unsigned settings)");
    }

    /** OMA CP: every RESOURCE URI, named by its NAME parm. */
    private void collectLinks(List<Characteristic> characteristics) {
        for (Characteristic characteristic : characteristics) {
            Optional<String> uri = value(characteristic.parms(), "URI");
            if (uri.isPresent()) {
                add(value(characteristic.parms(), "NAME").orElse(uri.get()), uri.get());
            }
            collectLinks(characteristic.characteristics());
        }
    }

    /** Nokia OTA: the URL characteristic and each BOOKMARK's URL; SI and SL: the href. */
    private void collectLinks(WbxmlElement element) {
        Map<String, String> attributes = element.attributes().stream()
                .collect(Collectors.toMap(WbxmlAttribute::name, WbxmlAttribute::value, (a, b) -> a, LinkedHashMap::new));
        if ("URL".equals(attributes.get("TYPE")) && attributes.containsKey("VALUE")) {
            add("Home page", attributes.get("VALUE"));
        } else if ("BOOKMARK".equals(attributes.get("TYPE"))) {
            Map<String, String> parms = new LinkedHashMap<>();
            for (WbxmlElement child : element.children()) {
                Map<String, String> a = child.attributes().stream()
                        .collect(Collectors.toMap(WbxmlAttribute::name, WbxmlAttribute::value, (x, y) -> x));
                if (a.containsKey("NAME") && a.containsKey("VALUE")) {
                    parms.put(a.get("NAME"), a.get("VALUE"));
                }
            }
            if (parms.containsKey("URL")) {
                add(parms.getOrDefault("NAME", parms.get("URL")), parms.get("URL"));
            }
        } else if (attributes.containsKey("href")) {
            add(element.name(), attributes.get("href"));
        }
        element.children().forEach(this::collectLinks);
    }

    private void add(String name, String uri) {
        try {
            settings.add(new Link(name, new URI(uri.strip())));
        } catch (java.net.URISyntaxException e) {
            // A handset keeps what it can open; a URL it cannot parse is not one.
        }
    }

    private static Optional<String> value(List<Parm> parms, String name) {
        return parms.stream().filter(p -> p.name().equals(name)).findFirst().flatMap(Parm::value);
    }

    private static SmsAddress originator(String address) {
        String digits = address.startsWith("+") ? address.substring(1) : address;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            return digits.length() > 6 ? SmsAddress.international(digits) : SmsAddress.national(digits);
        }
        return SmsAddress.alphanumeric(address.isEmpty() ? "Operator" : address);
    }

    /** The roots the handset trusts, for checking a signer's chain. */
    Set<X509Certificate> trustedRoots() {
        return Set.copyOf(roots.values());
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
    }
}
