package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.WspPush;
import org.mexe.studio.codec.wsp.WspPushCodec;
import org.mexe.studio.generator.AtomicOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov cp encode}: an OMA CP XML document to WBXML, a signed WSP push or SMS-SUBMIT TPDUs. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encodes an OMA Client Provisioning XML document. wbxml and wsp are binary (hex on standard output"
                + " when no -o is given); submit writes one TPDU per line in hex.")
final class CpEncode implements Callable<Integer> {

    enum Format {
        wbxml, wsp, submit
    }

    enum Sec {
        NETWPIN, USERPIN
    }

    private static final int TRANSACTION_ID = 1;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DOC.xml", description = "The document (wap-provisioningdoc).")
    Path document;

    @Option(names = "--sec", paramLabel = "METHOD", description = "Sign the push: ${COMPLETION-CANDIDATES}. Without it the push is unsigned.")
    Sec sec;

    @Option(names = "--pin", paramLabel = "PIN", description = "The USERPIN (with --sec USERPIN).")
    String pin;

    @Option(names = "--imsi", paramLabel = "IMSI", description = "The subscriber's IMSI (with --sec NETWPIN).")
    String imsi;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "submit", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--to", paramLabel = "NUMBER", description = "The handset's number, for submit: +international or national digits.")
    String to;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Output file, written atomically; standard output without it.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.submit && to == null) {
            throw new ParameterException(spec.commandLine(), "--format submit needs --to NUMBER");
        }
        byte[] bytes;
        try {
            bytes = encode(ProvXml.parse(Files.readString(document)));
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
            out.print(format == Format.submit ? new String(bytes, StandardCharsets.US_ASCII) : Hex.encode(bytes) + "\n");
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
            case wsp -> WspPushCodec.encode(new WspPush(TRANSACTION_ID, WspPush.CONNECTIVITY_WBXML,
                    sec == null ? Optional.empty() : Optional.of(security().sign(wbxml)), wbxml));
            case submit -> {
                SubmitParameters submit = new SubmitParameters(SmsAddress.parse(to), 0, 0);
                OmaCpMessage message = sec == null ? OmaCpMessageEncoder.unsigned(doc, TRANSACTION_ID, submit)
                        : OmaCpMessageEncoder.signed(doc, security(), TRANSACTION_ID, submit);
                yield (String.join("\n", message.tpduHexLines()) + "\n").getBytes(StandardCharsets.US_ASCII);
            }
        };
    }

    private CpSecurity security() {
        return switch (sec) {
            case USERPIN -> {
                if (pin == null) {
                    throw new ParameterException(spec.commandLine(), "--sec USERPIN needs --pin PIN");
                }
                yield new CpSecurity.UserPin(pin);
            }
            case NETWPIN -> {
                if (imsi == null) {
                    throw new ParameterException(spec.commandLine(), "--sec NETWPIN needs --imsi IMSI");
                }
                yield new CpSecurity.NetworkPin(imsi);
            }
        };
    }
}
