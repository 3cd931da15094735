package org.mexe.studio.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;

/**
 * The provisioning documents the benchmarks use, from a bare access point to a browser with many
 * bookmarks. {@link #main} writes them as XML and WBXML so that other tools (Kannel's test_ota)
 * can be timed on the very same documents.
 */
public final class BenchmarkDocuments {

    public static final List<String> NAMES = List.of("small", "typical", "large");

    private BenchmarkDocuments() {
    }

    public static ProvisioningDocument named(String name) {
        return switch (name) {
            case "small" -> new ProvisioningDocument(List.of(accessPoint()));
            case "typical" -> new ProvisioningDocument(List.of(accessPoint(), proxy(), browser(3), mms()));
            case "large" -> new ProvisioningDocument(List.of(accessPoint(), proxy(), browser(60), mms()));
            default -> throw new IllegalArgumentException("no benchmark document " + name + ", only " + NAMES);
        };
    }

    private static Characteristic accessPoint() {
        return new Characteristic("NAPDEF", List.of(
                new Parm("NAPID", "GPRS_NAP"), new Parm("BEARER", "GSM-GPRS"), new Parm("NAME", "Example Internet"),
                new Parm("NAP-ADDRESS", "internet.example.net"), new Parm("NAP-ADDRTYPE", "APN")),
                List.of(new Characteristic("NAPAUTHINFO", List.of(
                        new Parm("AUTHTYPE", "PAP"), new Parm("AUTHNAME", "guest"), new Parm("AUTHSECRET", "guest")))));
    }

    private static Characteristic proxy() {
        return new Characteristic("PXLOGICAL", List.of(
                new Parm("PROXY-ID", "wap.example.net"), new Parm("NAME", "Example WAP"), new Parm("STARTPAGE", "http://wap.example.net/")),
                List.of(new Characteristic("PXPHYSICAL", List.of(
                        new Parm("PHYSICAL-PROXY-ID", "PROXY 1"), new Parm("PXADDR", "10.11.12.13"),
                        new Parm("PXADDRTYPE", "IPV4"), new Parm("TO-NAPID", "GPRS_NAP")),
                        List.of(new Characteristic("PORT", List.of(new Parm("PORTNBR", "9201"), new Parm("SERVICE", "CO-WSP")))))));
    }

    private static Characteristic browser(int bookmarks) {
        List<Characteristic> resources = new ArrayList<>();
        for (int i = 1; i <= bookmarks; i++) {
            resources.add(new Characteristic("RESOURCE", List.of(
                    new Parm("URI", "http://wap.example.net/service/" + i), new Parm("NAME", "Service " + i))));
        }
        return new Characteristic("APPLICATION", List.of(
                new Parm("APPID", "w2"), new Parm("TO-PROXY", "wap.example.net"), new Parm("NAME", "Browser")), resources);
    }

    private static Characteristic mms() {
        return new Characteristic("APPLICATION", List.of(
                new Parm("APPID", "w4"), new Parm("NAME", "MMS"), new Parm("TO-PROXY", "wap.example.net"),
                new Parm("ADDR", "http://mms.example.net/servlets/mms")));
    }

    /** Writes {@code <name>.xml} and {@code <name>.wbxml} for every document into the directory given. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkDocuments <output directory>");
            System.exit(2);
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (String name : NAMES) {
            ProvisioningDocument document = named(name);
            byte[] wbxml = ProvWbxml.encode(document);
            Files.writeString(directory.resolve(name + ".xml"), ProvXml.write(document), StandardCharsets.UTF_8);
            Files.write(directory.resolve(name + ".wbxml"), wbxml);
            System.out.printf("%-8s %6d bytes WBXML%n", name, wbxml.length);
        }
    }
}
