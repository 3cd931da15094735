package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.sms.DeliverParameters;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.SecurityMethod;
import org.mexe.studio.generator.AtomicOutput;
import org.mexe.studio.model.payload.DeliveryPayload.Signing;
import org.mexe.studio.model.payload.PushMessage;
import org.mexe.studio.model.payload.PushSecurity;
import org.mexe.studio.model.payload.PushSecurity.Pin;
import org.mexe.studio.model.payload.PushSecurity.UnusablePinException;

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


    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DOC.xml", description = "The document: wap-provisioningdoc, si, sl or CHARACTERISTIC-LIST.")
    Path document;

    @Option(names = "--sec", paramLabel = "METHOD", description = "Sign the push: ${COMPLETION-CANDIDATES}. Without it the push is unsigned. OMA CP only.")
    SecurityMethod sec;

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
            // What the document bends of its DTD is encoded as given, and said (docs/formats.md).
            java.util.List<org.mexe.studio.codec.CodecWarning> warnings = new java.util.ArrayList<>();
            PushMessage message = pushType.isPresent()
                    ? PushMessage.unsigned(pushType.get(), PushXml.parse(pushType.get(), xml, warnings))
                    // Bare WBXML carries no signature: --sec signs the push.
                    : PushMessage.omaCp(ProvXml.parse(xml, warnings), format == Format.wbxml ? Signing.none() : signing());
            warnings.forEach(warning -> err.println("warning: " + warning));
            if (sec != null && pin == null) {
                message.security().flatMap(PushSecurity::userPin).ifPresent(this::handOver);
            }
            bytes = switch (format) {
                case wbxml -> message.wbxml();
                case wsp -> message.wspPush();
                case submit -> lines(message.submits(new SubmitParameters(SmsAddress.parse(to), 0, 0)).stream()
                        .map(SmsSubmitCodec::encode));
                case deliver -> lines(message.delivers(new DeliverParameters(SmsAddress.parse(from), timestamp(), 0)).stream()
                        .map(SmsDeliverCodec::encode));
            };
        } catch (IOException e) {
            err.println("prov cp encode: cannot read " + document + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (CodecException e) {
            err.println("prov cp encode: " + document + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        } catch (UnusablePinException e) {
            throw new ParameterException(spec.commandLine(), switch (e.fault()) {
                case NOT_WELL_FORMED -> "--pin: " + e.getMessage() + ".";
                case NOT_MADE_FOR_THIS_DOCUMENT -> "The USERPINMAC PIN was not made for this document; leave out --pin and give"
                        + " --pin-out FILE to make one.";
            });
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

    /** How --sec, --pin and --imsi sign an OMA CP document; without --sec it goes unsigned. */
    private Signing signing() {
        if (sec == null) {
            return Signing.none();
        }
        if (PushSecurity.needsImsi(sec) && imsi == null) {
            throw new ParameterException(spec.commandLine(), "--sec " + sec + " needs --imsi IMSI");
        }
        if (PushSecurity.needsPin(sec) && pin == null) {
            if (sec != SecurityMethod.USERPINMAC) {
                throw new ParameterException(spec.commandLine(), "--sec " + sec + " needs --pin PIN");
            }
            if (pinOut == null) {
                throw new ParameterException(spec.commandLine(), "--sec USERPINMAC needs --pin PIN, or --pin-out FILE to make one");
            }
        }
        Optional<Pin> userPin = pin != null ? Optional.of(new Pin.Given(pin))
                : PushSecurity.needsPin(sec) ? Optional.of(Pin.make(sec, new SecureRandom())) : Optional.empty();
        return PushSecurity.signing(sec, Optional.ofNullable(imsi), userPin);
    }

    /** A PIN made for this document goes to --pin-out only, for delivery to the user by another channel. */
    private void handOver(String madePin) {
        try {
            AtomicOutput.writeFile(pinOut, (madePin + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot write the USERPINMAC PIN to " + pinOut + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("prov cp encode: the USERPINMAC PIN for this document is in " + pinOut);
    }

    private OffsetDateTime timestamp() {
        try {
            return OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--timestamp needs an ISO-8601 date-time with offset: " + timestamp);
        }
    }

    private static byte[] lines(Stream<byte[]> tpdus) {
        return tpdus.map(tpdu -> Hex.encode(tpdu) + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII);
    }
}
