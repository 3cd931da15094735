package org.mexe.studio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.mexe.studio.codec.Hex;

/**
 * Runs the independent tools the codec is checked against. A missing tool fails the test when the
 * environment variable CI is "true" (CI installs them and must run these tests); elsewhere the
 * test is skipped with the Debian package to install.
 */
public final class PeerTools {

    /** Generous: a cold tshark start takes about a second. */
    private static final long TIMEOUT_SECONDS = 60;

    /** Lets tshark dissect text2pcap's DLT 147 (USER0) frames as GSM SMS TPDUs. */
    private static final String GSM_SMS_USER_DLT = "uat:user_dlts:\"User 0 (DLT=147)\",\"gsm_sms\",\"0\",\"\",\"0\",\"\"";

    /** Kannel's standalone compiler sits outside PATH, in kannel-extras' test directory. */
    private static final Path KANNEL_TEST_OTA = Path.of("/usr/lib/kannel/test/test_ota");

    private PeerTools() {
    }

    /** The tool's path on PATH, or fail/skip as described in the class comment. */
    private static Path require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> {
                    String message = tool + " is not on PATH; install the Debian package " + debianPackage;
                    if ("true".equals(System.getenv("CI"))) {
                        fail(message + " (CI=true: peer tests must run)");
                    }
                    return Assumptions.abort(message);
                });
    }

    /** Like {@link #require} for a tool at a fixed path. */
    private static Path requireFile(Path tool, String debianPackage) {
        if (Files.isExecutable(tool)) {
            return tool;
        }
        String message = tool + " is missing; install the Debian package " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: peer tests must run)");
        }
        return Assumptions.abort(message);
    }

    /**
     * A peer tool for tests that drive it themselves (a server to start and stop): its path on
     * PATH, or fail (CI=true) / skip naming the Debian package.
     */
    public static Path tool(String tool, String debianPackage) {
        return require(tool, debianPackage);
    }

    /** Kannel's configuration checker, {@code /usr/lib/kannel/test/test_cfg FILE}: fails the test on a group or field it does not know. */
    public static String kannelTestCfg(Path config) {
        Path tool = requireFile(Path.of("/usr/lib/kannel/test/test_cfg"), "kannel-extras");
        return inWorkDirectory(work -> run(work, List.of(tool.toString(), config.toAbsolutePath().toString())));
    }

    /**
     * jq, an independent JSON parser: {@code jq -c FILTER FILE} over {@code text} (JSON, or JSON
     * lines); fails the test when a line is not JSON. Returns jq's output, one line per result.
     */
    public static String jq(String text, String filter) {
        Path tool = require("jq", "jq");
        return inWorkDirectory(work -> {
            try {
                Path input = Files.writeString(work.resolve("input.json"), text, StandardCharsets.UTF_8);
                return run(work, List.of(tool.toString(), "-c", filter, input.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Kannel's {@code bearerbox} or {@code smsbox}, which Debian installs in /usr/sbin: for tests that start them. */
    public static Path kannelBox(String box) {
        return requireFile(Path.of("/usr/sbin", box), "kannel");
    }

    /** nginx, which Debian installs in /usr/sbin, outside the PATH of ordinary users. */
    public static Path nginx() {
        Path sbin = Path.of("/usr/sbin/nginx");
        return Files.isExecutable(sbin) ? sbin : require("nginx", "nginx");
    }

    /** {@code nginx -t -p PREFIX -c FILE}: fails the test when nginx refuses the configuration. */
    public static String nginxTest(Path prefix, String config) {
        Path tool = nginx();
        return inWorkDirectory(work -> run(work, List.of(tool.toString(), "-t", "-p", prefix.toAbsolutePath() + "/", "-c", config)));
    }

    /** Runs a command in {@code workDirectory}; a non-zero exit or a hang fails the test. Returns stdout. */
    private static String run(Path workDirectory, List<String> command) {
        String tool = Path.of(command.get(0)).getFileName().toString();
        Path stdout = workDirectory.resolve(tool + ".out");
        Path stderr = workDirectory.resolve(tool + ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> command + " failed: " + errors);
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** libwbxml's decoder: {@code wbxml2xml -m 0 -l PROV10 -o out.xml in.wbxml}; returns the XML text. */
    public static String wbxml2xml(byte[] wbxml) {
        Path tool = require("wbxml2xml", "libwbxml2-utils");
        return inWorkDirectory(work -> {
            Path in = write(work, "in.wbxml", wbxml);
            Path out = work.resolve("out.xml");
            run(work, List.of(tool.toString(), "-m", "0", "-l", "PROV10", "-o", out.toString(), in.toString()));
            return new String(read(out), StandardCharsets.UTF_8);
        });
    }

    /** libwbxml's encoder: {@code xml2wbxml -v 1.3 -o out.wbxml in.xml}. */
    public static byte[] xml2wbxml(String xml) {
        Path tool = require("xml2wbxml", "libwbxml2-utils");
        return inWorkDirectory(work -> {
            Path in = write(work, "in.xml", xml.getBytes(StandardCharsets.UTF_8));
            Path out = work.resolve("out.wbxml");
            run(work, List.of(tool.toString(), "-v", "1.3", "-o", out.toString(), in.toString()));
            return read(out);
        });
    }

    /** libwbxml's decoder for another language: {@code wbxml2xml -m 0 -l LANGUAGE} (e.g. SI10, SL10, OTA). */
    public static String wbxml2xml(byte[] wbxml, String language) {
        Path tool = require("wbxml2xml", "libwbxml2-utils");
        return inWorkDirectory(work -> {
            Path in = write(work, "in.wbxml", wbxml);
            Path out = work.resolve("out.xml");
            run(work, List.of(tool.toString(), "-m", "0", "-l", language, "-o", out.toString(), in.toString()));
            return new String(read(out), StandardCharsets.UTF_8);
        });
    }

    /**
     * Mono's C# compiler: {@code mcs -out:stub.exe stub.cs}; returns the size of the assembly it
     * wrote (a failed compilation fails the test with mcs's messages).
     */
    public static long mcsCompile(String csharp) {
        Path tool = require("mcs", "mono-mcs");
        return inWorkDirectory(work -> {
            Path in = write(work, "stub.cs", csharp.getBytes(StandardCharsets.UTF_8));
            run(work, List.of(tool.toString(), "-warnaserror-", "-out:stub.exe", in.toString()));
            return work.resolve("stub.exe").toFile().length();
        });
    }

    /** libwbxml's encoder at a given WBXML version: {@code xml2wbxml -v VERSION} (1.1, 1.2 or 1.3). */
    public static byte[] xml2wbxml(String xml, String version) {
        Path tool = require("xml2wbxml", "libwbxml2-utils");
        return inWorkDirectory(work -> {
            Path in = write(work, "in.xml", xml.getBytes(StandardCharsets.UTF_8));
            Path out = work.resolve("out.wbxml");
            run(work, List.of(tool.toString(), "-v", version, "-o", out.toString(), in.toString()));
            return read(out);
        });
    }

    /**
     * Kannel's OMA CP / Nokia OTA compiler: {@code test_ota -f out.wbxml in.xml}. It picks OMA
     * provisioning from the document's DOCTYPE (there is no flag for it) and writes WBXML 1.3 with
     * every string inline. Never an oracle for MACs: its NETWPIN key is wrong.
     */
    public static byte[] kannelTestOta(String xml) {
        Path tool = requireFile(KANNEL_TEST_OTA, "kannel-extras");
        return inWorkDirectory(work -> {
            Path in = write(work, "in.xml", xml.getBytes(StandardCharsets.UTF_8));
            Path out = work.resolve("out.wbxml");
            run(work, List.of(tool.toString(), "-f", out.toString(), in.toString()));
            return read(out);
        });
    }

    /**
     * gammu's SMS encoder without a phone: {@code gammu -c gammurc displaysms ARGUMENTS} with the
     * dummy driver. {@code backup} is written as {@code in.backup} in gammu's working directory for
     * the BOOKMARK and WAPSETTINGS types to read. Returns each message's "Data PDU" (the WDP payload).
     */
    public static List<byte[]> gammuDisplaySms(String backup, String... arguments) {
        Path tool = require("gammu", "gammu");
        return inWorkDirectory(work -> {
            Path device = work.resolve("dummy-phone");
            try {
                Files.createDirectories(device);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String config = "[gammu]\ndevice = " + device + "\nconnection = none\nmodel = dummy\n";
            Path rc = write(work, "gammurc", config.getBytes(StandardCharsets.UTF_8));
            write(work, "in.backup", backup.getBytes(StandardCharsets.UTF_8));
            List<String> command = new ArrayList<>(List.of(tool.toString(), "-c", rc.toString(), "displaysms"));
            command.addAll(List.of(arguments));
            return run(work, command).lines()
                    .filter(line -> line.startsWith("Data PDU"))
                    .map(line -> Hex.decode(line.substring(line.indexOf(':') + 1).strip()))
                    .toList();
        });
    }

    /**
     * Dissects SMS-SUBMIT TPDUs with tshark and returns the requested fields, one row per frame.
     * text2pcap takes one packet per "I 000000 ..." line (-D: leading direction, I = inbound) as
     * link type 147, which the user-DLT table maps to gsm_sms; gsm_sms reassembles concatenated
     * parts and hands the WDP payload on port 2948 to WSP, which hands the body to WBXML.
     */
    public static List<List<String>> tsharkFields(List<byte[]> tpdus, String... fields) {
        List<String> options = new ArrayList<>(List.of("-T", "fields", "-E", "separator=/t"));
        for (String field : fields) {
            options.addAll(List.of("-e", field));
        }
        return tshark(tpdus, options).lines()
                .map(line -> List.of(line.split("\t", -1)))
                .toList();
    }

    /** The full packet details ({@code tshark -V}) of the same capture. */
    public static String tsharkVerbose(List<byte[]> tpdus) {
        return tshark(tpdus, List.of("-V"));
    }

    /** The same capture as PDML (XML): every dissected field with its byte position and size in the frame. */
    public static String tsharkPdml(List<byte[]> tpdus) {
        return tshark(tpdus, List.of("-T", "pdml"));
    }

    /**
     * Dissects SMS-DELIVER TPDUs with tshark and returns the requested fields (e.g.
     * {@code gsm_sms.tp-oa}, {@code gsm_sms.sms_text}), one row per frame. Concatenated parts are
     * reassembled: the last part's row lists every part's text, comma-separated.
     */
    public static List<List<String>> tsharkDeliverFields(List<byte[]> tpdus, String... fields) {
        List<String> options = new ArrayList<>(List.of("-T", "fields", "-E", "separator=/t"));
        for (String field : fields) {
            options.addAll(List.of("-e", field));
        }
        return tsharkDeliver(tpdus, options).lines().map(line -> List.of(line.split("\t", -1))).toList();
    }

    /** The full packet details ({@code tshark -V}) of SMS-DELIVER TPDUs. */
    public static String tsharkDeliverVerbose(List<byte[]> tpdus) {
        return tsharkDeliver(tpdus, List.of("-V"));
    }

    /**
     * Unlike SUBMITs, DELIVER lines carry no direction prefix: text2pcap runs without -D, which
     * gsm_sms reads as network-to-phone.
     */
    private static String tsharkDeliver(List<byte[]> tpdus, List<String> outputOptions) {
        Path text2pcap = require("text2pcap", "wireshark-common (installed with tshark)");
        Path tshark = require("tshark", "tshark");
        StringBuilder dump = new StringBuilder();
        tpdus.forEach(tpdu -> dump.append("000000 ").append(Hex.encodeSpaced(tpdu)).append('\n'));
        return inWorkDirectory(work -> {
            Path hex = write(work, "delivers.txt", dump.toString().getBytes(StandardCharsets.US_ASCII));
            Path pcap = work.resolve("delivers.pcap");
            run(work, List.of(text2pcap.toString(), "-q", "-l", "147", hex.toString(), pcap.toString()));
            List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", pcap.toString(),
                    "-o", GSM_SMS_USER_DLT, "-o", "gsm_sms.reassemble:TRUE"));
            command.addAll(outputOptions);
            return run(work, command);
        });
    }

    private static String tshark(List<byte[]> tpdus, List<String> outputOptions) {
        Path text2pcap = require("text2pcap", "wireshark-common (installed with tshark)");
        Path tshark = require("tshark", "tshark");
        StringBuilder dump = new StringBuilder();
        tpdus.forEach(tpdu -> dump.append("I 000000 ").append(Hex.encodeSpaced(tpdu)).append('\n'));
        return inWorkDirectory(work -> {
            Path hex = write(work, "submits.txt", dump.toString().getBytes(StandardCharsets.US_ASCII));
            Path pcap = work.resolve("submits.pcap");
            run(work, List.of(text2pcap.toString(), "-q", "-D", "-l", "147", hex.toString(), pcap.toString()));
            List<String> command = new ArrayList<>(List.of(tshark.toString(), "-n", "-r", pcap.toString(),
                    "-o", GSM_SMS_USER_DLT, "-o", "gsm_sms.reassemble:TRUE"));
            command.addAll(outputOptions);
            return run(work, command);
        });
    }

    /** Verifies a detached DER CMS signature of {@code content} with openssl, trusting {@code caPem}; fails the test if openssl refuses. */
    public static String opensslCmsVerify(byte[] content, byte[] signatureDer, String caPem) {
        Path openssl = require("openssl", "openssl");
        return inWorkDirectory(work -> {
            write(work, "content", content);
            write(work, "signature.der", signatureDer);
            write(work, "ca.pem", caPem.getBytes(StandardCharsets.US_ASCII));
            return run(work, List.of(openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.der",
                    "-content", "content", "-CAfile", "ca.pem", "-purpose", "any", "-out", "/dev/null"));
        });
    }

    /** Verifies an RSA PKCS#1 v1.5 SHA-1 signature with openssl, using the public key of {@code certificatePem}. */
    public static String opensslVerifyRsaSha1(byte[] data, byte[] signature, String certificatePem) {
        Path openssl = require("openssl", "openssl");
        return inWorkDirectory(work -> {
            write(work, "data", data);
            write(work, "signature.bin", signature);
            write(work, "certificate.pem", certificatePem.getBytes(StandardCharsets.US_ASCII));
            run(work, List.of(openssl.toString(), "x509", "-pubkey", "-noout", "-in", "certificate.pem", "-out", "public.pem"));
            return run(work, List.of(openssl.toString(), "dgst", "-sha1", "-verify", "public.pem", "-signature", "signature.bin", "data"));
        });
    }

    /** {@code openssl dgst -sha1 -hmac KEY FILE}: the key as typed, like a USERPIN. Upper-case hex. */
    public static String opensslHmacSha1(String key, byte[] data) {
        return opensslDigest(data, List.of("-hmac", key));
    }

    /** {@code openssl dgst -sha1 -mac HMAC -macopt hexkey:KEY FILE}: a binary key, like NETWPIN's. Upper-case hex. */
    public static String opensslHmacSha1(byte[] key, byte[] data) {
        return opensslDigest(data, List.of("-mac", "HMAC", "-macopt", "hexkey:" + Hex.encode(key)));
    }

    private static String opensslDigest(byte[] data, List<String> keyOptions) {
        Path openssl = require("openssl", "openssl");
        String output = inWorkDirectory(work -> {
            List<String> command = new ArrayList<>(List.of(openssl.toString(), "dgst", "-sha1"));
            command.addAll(keyOptions);
            command.add(write(work, "mac-input.bin", data).toString());
            return run(work, command).strip();
        });
        // "HMAC-SHA1(path)= hex"
        return output.substring(output.lastIndexOf(' ') + 1).toUpperCase(Locale.ROOT);
    }

    /**
     * Headless Chromium (Debian {@code chromium}) opens {@code page}, takes a {@code width} x
     * {@code height} screenshot into {@code screenshot}, and returns every message the page wrote to
     * its console (a script error, a resource that failed to load, ...): a clean page returns none.
     */
    public static List<String> chromiumRender(Path page, Path screenshot, int width, int height) {
        Path chromium = require("chromium", "chromium");
        return inWorkDirectory(work -> {
            // No background networking: this machine's network is closed, and the page is a local file.
            List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile"), "--enable-logging=stderr", "--v=0",
                    "--window-size=" + width + "," + height, "--screenshot=" + screenshot.toAbsolutePath(),
                    page.toAbsolutePath().toUri().toString());
            run(work, command);
            try (Stream<String> lines = Files.lines(work.resolve("chromium.err"), StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.contains(":CONSOLE")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A fresh directory for one tool run, removed afterwards. */
    private static <T> T inWorkDirectory(Function<Path, T> task) {
        Path directory;
        try {
            directory = Files.createTempDirectory("mexe-peer-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return task.apply(directory);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path write(Path workDirectory, String name, byte[] content) {
        try {
            return Files.write(workDirectory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
