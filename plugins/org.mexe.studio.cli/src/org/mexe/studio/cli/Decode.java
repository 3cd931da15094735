package org.mexe.studio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.cp.ProvCont;
import org.mexe.studio.codec.cp.ProvLanguage;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.PushMessageDecoder;
import org.mexe.studio.codec.push.PushContent;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.wbxml.WbxmlAnnotation;
import org.mexe.studio.codec.wbxml.WbxmlDecoder;
import org.mexe.studio.codec.wbxml.WbxmlLanguage;
import org.mexe.studio.codec.wbxml.WbxmlListing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov decode}: reads an OMA CP, SI, SL or Nokia OTA message in any of its forms and checks its MAC. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = { "Decodes an OMA Client Provisioning, SI, SL or Nokia OTA message and prints its XML document, then"
                + " 'MAC: valid', 'MAC: INVALID' or 'MAC: not checked' (SI, SL and Nokia OTA are never signed).",
                "Input: SMS-SUBMIT or SMS-DELIVER TPDUs in hex (one per line; segments are reassembled), a WSP push, or a"
                        + " WBXML document, binary or hex. A push is recognised by its content type, WBXML by its public id." })
final class Decode implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The message; '-' or none reads standard input.")
    String file;

    @Option(names = "--pin", paramLabel = "PIN", description = "The USERPIN, to check a USERPIN MAC.")
    String pin;

    @Option(names = "--imsi", paramLabel = "IMSI", description = "The subscriber's IMSI, to check a NETWPIN MAC.")
    String imsi;

    @Option(names = "--show-secrets", description = "Print passwords and other secret parms as received instead of "
            + ProvCont.MASK + ".")
    boolean showSecrets;

    @Option(names = "--annotate", description = "After the document, list its WBXML byte by byte: each header field and token"
            + " with its offset, its bytes and what it is. Secrets are masked there too, and their bytes not shown.")
    boolean annotate;

    private final InputStream standardInput;

    Decode(InputStream standardInput) {
        this.standardInput = standardInput;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputFile inputFile = new InputFile(file, standardInput);
        String source = inputFile.name();
        byte[] input;
        try {
            input = inputFile.readAllBytes();
        } catch (IOException e) {
            err.println("prov decode: cannot read " + source + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        }
        PushMessageDecoder.Message message;
        try {
            message = PushMessageDecoder.decode(input);
        } catch (CodecException e) {
            err.println("prov decode: " + source + ": " + e.getMessage());
            return Prov.EXIT_INVALID_INPUT;
        }
        for (CodecWarning warning : message.warnings()) {
            err.println("warning: " + warning);
        }
        return switch (message) {
            case PushMessageDecoder.Provisioning provisioning -> provisioning(provisioning.decoded(), out, err);
            case PushMessageDecoder.Push push -> {
                out.print(PushXml.write(push.type(), showSecrets ? push.document() : PushContent.masked(push.document())));
                printAnnotated(out, push.wbxml(), push.type().language(), PushContent.secretValues(push.document()));
                out.println("MAC: not checked (unsigned)");
                yield 0;
            }
        };
    }

    private int provisioning(Decoded decoded, PrintWriter out, PrintWriter err) {
        out.print(ProvXml.write(showSecrets ? decoded.document() : ProvCont.masked(decoded.document())));
        printAnnotated(out, decoded.wbxml(), ProvLanguage.PROV_1_0, ProvCont.secretValues(decoded.document()));
        MacStatus mac;
        try {
            mac = decoded.checkMac(Optional.ofNullable(pin), Optional.ofNullable(imsi));
        } catch (IllegalArgumentException e) {
            err.println("prov decode: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        String method = decoded.signature().map(s -> " (" + s.method() + ")").orElse(" (unsigned)");
        out.println(switch (mac) {
            case VALID -> "MAC: valid" + method;
            case INVALID -> "MAC: INVALID" + method;
            case NOT_CHECKED -> "MAC: not checked" + method;
        });
        return mac == MacStatus.INVALID ? Prov.EXIT_INVALID_INPUT : 0;
    }

    /** The document decoded already, so its bytes annotate without error; what it tolerated was printed with it. */
    private void printAnnotated(PrintWriter out, byte[] wbxml, WbxmlLanguage language, Set<String> secrets) {
        if (!annotate) {
            return;
        }
        List<WbxmlAnnotation> annotations = WbxmlDecoder.annotate(language, wbxml, new ArrayList<>());
        out.println();
        out.println("WBXML, " + wbxml.length + " bytes, as a handset's decoder reads them:");
        out.print(showSecrets ? WbxmlListing.of(wbxml, annotations) : WbxmlListing.masked(wbxml, annotations, secrets, ProvCont.MASK));
        out.println();
    }
}
