package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushMessageEncoder;
import org.mexe.studio.codec.push.PushWbxml;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.DeliverParameters;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.generator.AtomicOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prov cp encode}: an OMA CP, SI, SL or Nokia OTA XML document to WBXML, a WSP push, or
 * SMS-SUBMIT / SMS-DELIVER TPDUs.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = { "Encodes an OMA Client Provisioning (wap-provisioningdoc), SI, SL or Nokia OTA (CHARACTERISTIC-LIST)"
                + " XML document, recognised by its DOCTYPE or root element.",
                "wbxml and wsp are binary (hex on standard output when no -o is given); submit and deliver write one TPDU"
                        + " per line in hex, to port 2948 from 9200 (OMA CP, SI, SL) or 49999 from 49154 (Nokia OTA).",
                "The WSP push carries application/vnd.wap.connectivity-wbxml (OMA CP), application/vnd.wap.sic or"
                        + " application/vnd.wap.slc with X-Wap-Application-Id x-wap-application:wml.ua (SI, SL), or"
                        + " application/x-wap-prov.browser-settings; charset=UTF-8 (Nokia OTA).",
                "deliver TPDUs carry the fixed service-centre time stamp of --timestamp, so the output is the same on every run." })
final class CpEncode implements Callable<Integer> {

    enum Format {
        wbxml, wsp, submit, deliver
    }

    enum Sec {
        NETWPIN, USERPIN, USERNETWPIN, USERPINMAC
    }

    private static final int TRANSACTION_ID = 1;
    /** Four random digits give an eight-digit PIN, as handsets' PIN prompts expect. */
    private static final int USERPINMAC_RANDOM_DIGITS = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DOC.xml", description = "The document: wap-provisioningdoc, si, sl or CHARACTERISTIC-LIST.")
    Path document;

    @Option(names = "--sec", paramLabel = "METHOD", description = "Sign the push: ${COMPLETION-CANDIDATES}. Without it the push is unsigned. OMA CP only.")
    Sec sec;

    @Option(names = "--pin", paramLabel = "PIN", description = "The user's PIN (USERPIN, USERNETWPIN; for USERPINMAC the PIN"
            + " made for this document).")
    String pin;

    @Option(names = "--pin-out", paramLabel = "FILE", description = "With --sec USERPINMAC and no --pin: make a PIN for this"
            + " document and write it to FILE (atomically), for delivery to the user by another channel.")
    Path pinOut;

    @Option(names = "--imsi", paramLabel = "IMSI", description = "The subscriber's IMSI (with --sec NETWPIN).")
    String imsi;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "submit", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--to", paramLabel = "NUMBER", description = "The handset's number, for submit: +international or national digits.")
    String to;

    @Option(names = "--from", paramLabel = "NUMBER", description = "The sender's number, for deliver: +international or national digits.")
    String from;

    @Option(names = "--timestamp", paramLabel = "ISO-8601", defaultValue = "2000-01-01T00:00:00Z",
            description = "The TP-SCTS of deliver TPDUs, e.g. 2026-11-24T10:15:30+01:00 (default: ${DEFAULT-VALUE}, fixed so"
                    + " that output is deterministic).")
    String timestamp;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Output file, written atomically; standard output without it.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.submit && to == null) {
            throw new ParameterException(spec.commandLine(), "--format submit needs --to NUMBER");
        }
        if (format == Format.deliver && from == null) {
            throw new ParameterException(spec.commandLine(), "--format deliver needs --from NUMBER");
        }
        byte[] bytes;
        try {
            String xml = Files.readString(document);
            Optional<PushDocumentType> pushType = PushDocumentType.recognise(xml);
            if (pushType.isPresent() && sec != null) {
                throw new ParameterException(spec.commandLine(),
                        "--sec applies to OMA CP documents only, not to " + pushType.get() + " (" + document + ")");
            }
            bytes = pushType.isPresent() ? encodePush(pushType.get(), xml) : encode(ProvXml.parse(xml));
        } catch (IOException e) {
            err.println("prov cp encode: cannot read " + document + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (CodecException e) {
            err.println("prov cp encode: " + document + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (output == null) {
            boolean hexLines = format == Format.submit || format == Format.deliver;
            out.print(hexLines ? new String(bytes, StandardCharsets.US_ASCII) : Hex.encode(bytes) + "\n");
            out.flush();
            return 0;
        }
        try {
            AtomicOutput.writeFile(output, bytes);
        } catch (IOException e) {
            err.println("prov cp encode: cannot write " + output + ": " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        }
        return 0;
    }

    private byte[] encode(ProvisioningDocument doc) {
        byte[] wbxml = ProvWbxml.encode(doc);
        return switch (format) {
            case wbxml -> wbxml;
            case wsp -> cpPush(wbxml);
            case submit -> {
                SubmitParameters submit = new SubmitParameters(SmsAddress.parse(to), 0, 0);
                OmaCpMessage message = sec == null ? OmaCpMessageEncoder.unsigned(doc, TRANSACTION_ID, submit)
                        : OmaCpMessageEncoder.signed(doc, security(wbxml), TRANSACTION_ID, submit);
                yield lines(message.tpduHexLines());
            }
            case deliver -> delivers(cpPush(wbxml), ApplicationPorts.WAP_PUSH);
        };
    }

    private byte[] cpPush(byte[] wbxml) {
        return WspPushCodec.encode(new WspPush(TRANSACTION_ID, WspPush.CONNECTIVITY_WBXML,
                sec == null ? Optional.empty() : Optional.of(security(wbxml).sign(wbxml)), wbxml));
    }

    private byte[] encodePush(PushDocumentType type, String xml) {
        WbxmlElement doc = PushXml.parse(type, xml);
        return switch (format) {
            case wbxml -> PushWbxml.encode(type, doc);
            case wsp -> PushMessageEncoder.wspPush(type, doc, TRANSACTION_ID);
            case submit -> {
                SubmitParameters submit = new SubmitParameters(SmsAddress.parse(to), 0, 0);
                yield lines(SmsSegmenter.segment(PushMessageEncoder.wspPush(type, doc, TRANSACTION_ID), type.ports(), submit)
                        .stream().map(s -> Hex.encode(SmsSubmitCodec.encode(s))).toList());
            }
            case deliver -> delivers(PushMessageEncoder.wspPush(type, doc, TRANSACTION_ID), type.ports());
        };
    }

    private byte[] delivers(byte[] push, ApplicationPorts ports) {
        OffsetDateTime scts;
        try {
            scts = OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--timestamp needs an ISO-8601 date-time with offset: " + timestamp);
        }
        return lines(SmsSegmenter.segment(push, ports, new DeliverParameters(SmsAddress.parse(from), scts, 0)).stream()
                .map(d -> Hex.encode(SmsDeliverCodec.encode(d))).toList());
    }

    private static byte[] lines(List<String> hexLines) {
        return hexLines.stream().map(line -> line + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
    }

    private CpSecurity security(byte[] wbxml) {
        return switch (sec) {
            case USERPIN -> new CpSecurity.UserPin(require(pin, "--sec USERPIN needs --pin PIN"));
            case NETWPIN -> new CpSecurity.NetworkPin(require(imsi, "--sec NETWPIN needs --imsi IMSI"));
            case USERNETWPIN -> new CpSecurity.UserNetworkPin(require(imsi, "--sec USERNETWPIN needs --imsi IMSI"),
                    require(pin, "--sec USERNETWPIN needs --pin PIN"));
            case USERPINMAC -> userPinMac(wbxml);
        };
    }

    /** USERPINMAC's PIN belongs to one document: check a given one, or make one and hand it over in a file. */
    private CpSecurity.UserPinMac userPinMac(byte[] wbxml) {
        if (pin != null) {
            CpSecurity.UserPinMac given = new CpSecurity.UserPinMac(pin);
            if (!CpSecurity.UserPinMac.forDocument(pin.substring(0, pin.length() / 2), wbxml).equals(given)) {
                throw new ParameterException(spec.commandLine(), "The USERPINMAC PIN was not made for this document;"
                        + " leave out --pin and give --pin-out FILE to make one.");
            }
            return given;
        }
        require(pinOut, "--sec USERPINMAC needs --pin PIN, or --pin-out FILE to make one");
        CpSecurity.UserPinMac made = CpSecurity.UserPinMac.generate(wbxml, USERPINMAC_RANDOM_DIGITS, new SecureRandom());
        try {
            AtomicOutput.writeFile(pinOut, (made.pin() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot write the USERPINMAC PIN to " + pinOut + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("prov cp encode: the USERPINMAC PIN for this document is in " + pinOut);
        return made;
    }

    private <T> T require(T value, String message) {
        if (value == null) {
            throw new ParameterException(spec.commandLine(), message);
        }
        return value;
    }
}
