package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.StageReport;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;
import org.w3c.dom.Document;

/**
 * The stages that lead a handset to the provisioning server generate what each party deploys:
 * {@code trust} the certificates as DER, {@code request} a Kannel sms-service (and a SIM Toolkit
 * request its MO SMS), {@code connect} the server's pages and configurations; the summary names them.
 */
class ServerGenerationTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));
    private static final String SERVER = "servers/ProvisioningServer/";

    @TempDir
    static Path out;

    private static ProvisioningPipeline.GenerationResult result;

    @BeforeAll
    static void generate() throws Exception {
        result = ProvisioningPipeline.standalone().generate(List.of(EXAMPLES.resolve("brief")), out.resolve("a"), new SecretResolver(Map.of()));
    }

    private static StageReport report(String scenario, int stage) {
        return result.stages().stream().filter(r -> r.scenario().equals("fjord.scenarios." + scenario) && r.stage() == stage).findFirst()
                .orElseThrow(() -> new AssertionError("no report of " + scenario + " stage " + stage));
    }

    @Test
    void trustExportsTheManufacturerRootsForTheMakersAndTheOperatorCertificatesForTheSim() throws Exception {
        StageReport trust = report("NewSubscriber", 1);
        assertEquals("TrustSetup", trust.kind());
        assertEquals("2 root(s) as DER for the handset makers Kestrel, Aurora; 2 certificate(s) as DER for the (U)SIM", trust.summary());
        Path folder = out.resolve("a/fjord.scenarios.NewSubscriber/01-trust");
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate kestrel = (X509Certificate) x509.generateCertificate(Files.newInputStream(folder.resolve("handset/Kestrel/KestrelRoot.der")));
        X509Certificate fromPem = (X509Certificate) x509.generateCertificate(Files.newInputStream(EXAMPLES.resolve("brief/trust/kestrel-root.pem")));
        assertEquals(fromPem, kestrel);
        assertTrue(Files.isRegularFile(folder.resolve("handset/Aurora/AuroraRoot.der")));
        // The operator root comes out of the keystore (its password read from the demo file), the third-party CA from its file.
        for (String sim : List.of("sim/OperatorRoot.der", "sim/ThirdPartyCa.der")) {
            X509Certificate certificate = (X509Certificate) x509.generateCertificate(Files.newInputStream(folder.resolve(sim)));
            assertTrue(certificate.getBasicConstraints() >= 0, sim + " is a CA certificate");
        }
        String listing = Files.readString(folder.resolve("certificates.txt"));
        assertTrue(listing.contains("loaded on: the (U)SIM, by the operator"), listing);
        assertFalse(listing.contains("PRIVATE"), listing);
    }

    @Test
    void aRequestByCallIsAnsweredByPeopleAndSaysSo() {
        StageReport call = report("LegacyHandset", 1);
        assertEquals("ProvisioningRequest", call.kind());
        assertTrue(call.producedNothing());
        assertEquals("a call to +447700900200 is answered by people at the service centre: nothing to generate", call.summary());
    }

    @Test
    void aRequestBySmsBecomesAKannelSmsService() throws Exception {
        StageReport sms = report("NewSubscriber", 2);
        assertTrue(sms.summary().startsWith("SMS \"SETUP\" to 2000: Kannel sms-service 'setup' for 2000"), sms.summary());
        assertEquals(List.of(SERVER + "kannel.conf"), sms.written());
        String kannel = Files.readString(out.resolve("a/" + SERVER + "kannel.conf"));
        assertTrue(kannel.contains("keyword = setup\nallowed-receiver-prefix = 2000\nget-url = \"http://127.0.0.1:8081/sms-request?keyword=SETUP&from=%p&to=%P\""),
                kannel);
        assertTrue(kannel.contains("keyword = north\n"), "the regional scenario's keyword");
        // Two scenarios share SETUP to 2000: one service.
        assertEquals(1, kannel.split("keyword = setup\n", -1).length - 1);
    }

    @Test
    void aSimToolkitRequestWritesTheMoSmsTheToolkitSends() throws Exception {
        StageReport stk = report("CapitalLaunchBySimToolkit", 2);
        assertTrue(stk.summary().contains("MO SMS-SUBMIT (GSM 7-bit, 1 SMS)"), stk.summary());
        byte[] tpdu = Hex.decode(Files.readString(out.resolve("a/fjord.scenarios.CapitalLaunchBySimToolkit/02-request/mo-sms-submit.hex")).strip());
        List<List<String>> frames = PeerTools.tsharkFields(List.of(tpdu), "gsm_sms.tp-da", "gsm_sms.sms_text");
        assertEquals(List.of(List.of("2000", "SETUP")), frames);
    }

    @Test
    void aConnectToAServerGetsItsPagesAndConfigurations() throws Exception {
        StageReport connect = report("NewSubscriber", 4);
        assertEquals("Connect", connect.kind());
        assertTrue(connect.summary().startsWith("the handset opens http://provisioning.fjord-mobile.example/welcome on ProvisioningServer:"
                + " 8 page(s) as XHTML MP and WML"), connect.summary());
        assertEquals(SERVER + " nginx.conf mime.types kannel.conf", connect.written().get(0));
        Path htdocs = out.resolve("a/" + SERVER + "htdocs");
        // WML for the classmark 1 handset (AuroraA2), XHTML MP for the others; libwbxml compiles the WML, so it is WML 1.1.
        String wml = Files.readString(htdocs.resolve("welcome.wml"));
        byte[] wmlc = PeerTools.xml2wbxml(wml, "1.3");
        String decoded = PeerTools.wbxml2xml(wmlc, "WML11");
        assertTrue(decoded.contains("<a href=\"bootstrap/setup.jad\">Setup</a>"), decoded);
        assertTrue(decoded.contains("<a href=\"components/wallet.jad\">Wallet</a>"), decoded);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document xhtml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(htdocs.resolve("welcome.xhtml"))));
        assertEquals("http://www.w3.org/1999/xhtml", xhtml.getDocumentElement().getNamespaceURI());
        assertEquals(3, xhtml.getElementsByTagName("li").getLength() - 1, "three applications and a link to the start page");
        String nginx = Files.readString(out.resolve("a/" + SERVER + "nginx.conf"));
        assertTrue(nginx.contains("server_name provisioning.fjord-mobile.example;"), nginx);
        assertTrue(nginx.contains("listen 80;"), nginx);
        String mime = Files.readString(out.resolve("a/" + SERVER + "mime.types"));
        for (String type : List.of("text/vnd.wap.wmlscript                  wmls;", "application/vnd.wap.wmlscriptc          wmlsc;",
                "application/vnd.wap.connectivity-wbxml  wbxml;", "application/vnd.wap.xhtml+xml           xhtml;")) {
            assertTrue(mime.contains(type), type);
        }
    }

    @Test
    void eachScenarioLandsOnAPageThatLinksItsOwnFlow() throws Exception {
        Path htdocs = out.resolve("a/" + SERVER + "htdocs");
        // The JAD each page links carries the flow of the scenario whose delivered settings name that page.
        Map<String, String> flowOfPage = Map.of("welcome", "NewSubscriber", "north", "NorthernMultiClassmark", "capital",
                "CapitalLaunchBySimToolkit");
        for (var page : flowOfPage.entrySet()) {
            for (String form : List.of(".xhtml", ".wml")) {
                String text = Files.readString(htdocs.resolve(page.getKey() + form));
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Setup</a>").matcher(text);
                assertTrue(link.find(), text);
                String jad = Files.readString(htdocs.resolve(link.group(1)));
                assertTrue(jad.contains("\nProv-Flow: " + page.getValue() + "\n"), page + ": " + link.group(1));
                assertFalse(text.contains("href=\"north\"") || text.contains("href=\"capital\""), "a page leads to another flow: " + text);
            }
        }
        assertTrue(result.warnings().stream().noneMatch(w -> "org.mexe.studio.generator.sharedLandingPage".equals(w.code())),
                result.warnings().toString());
    }

    @Test
    void twoFlowsOnOnePageAreAWarningThatNamesTheWayOut() throws Exception {
        Path project = Files.createDirectories(out.resolve("shared"));
        Files.writeString(project.resolve("shared.prov"), """
                namespace shared

                parameters Web {
                	www {
                		setup-url "http://setup.example/welcome"
                	}
                }

                server Setup {
                	url "http://setup.example/"
                	hosts Boot at "boot.jad"
                }

                bootstrap-app Boot {
                	classmark 3
                }

                scenario First {
                	deliver Web {
                		security none
                		to "+447700900123"
                	}
                	connect Setup
                	download Boot
                	run Boot {
                		offer "A"
                	}
                }

                scenario Second {
                	deliver Web {
                		security none
                		to "+447700900124"
                	}
                	connect Setup
                	download Boot
                	run Boot {
                		offer "B"
                	}
                }
                """);
        var shared = ProvisioningPipeline.standalone().generate(List.of(project), out.resolve("shared-out"), new SecretResolver(Map.of()));
        var warning = shared.warnings().stream().filter(w -> "org.mexe.studio.generator.sharedLandingPage".equals(w.code())).findFirst()
                .orElseThrow(() -> new AssertionError(shared.warnings().toString()));
        assertEquals(30, warning.line(), warning.format());
        assertTrue(warning.message().contains("First and Second lead their handsets to the same page /welcome of Setup"), warning.message());
        assertTrue(warning.message().contains("Give the settings Second delivers a 'setup-url' of its own"), warning.message());
        String page = Files.readString(out.resolve("shared-out/servers/Setup/htdocs/welcome.xhtml"));
        assertTrue(page.contains("<a href=\"boot.jad\">Boot</a>"), page);
    }

    @Test
    void aConnectToAnotherSiteSaysItGeneratesNothing() {
        StageReport connect = report("LegacyHandset", 3);
        assertTrue(connect.producedNothing());
        assertTrue(connect.summary().contains("http://wap.fjord-mobile.example/setup, which no server of this project serves"), connect.summary());
    }

    @Test
    void aRequestWithoutAKeywordIsKannelsDefaultServiceAndTestCfgAcceptsIt() throws Exception {
        Path project = Files.createDirectories(out.resolve("keywordless"));
        Files.writeString(project.resolve("shop.prov"), """
                namespace shop

                parameters Web {
                	www {
                		homepage "http://shop.example/start"
                	}
                }

                server Shop {
                	url "http://shop.example/"
                }

                scenario AnyText {
                	request sms to "3000"
                	deliver Web {
                		security userpin
                		pin generated
                		to "+447700900123"
                	}
                	connect Shop
                }
                """);
        var keywordless = ProvisioningPipeline.standalone().generate(List.of(project), out.resolve("keywordless-out"),
                new SecretResolver(Map.of()), java.util.Optional.empty(), java.util.Optional.of(out.resolve("keywordless-pins.csv")));
        Path kannel = out.resolve("keywordless-out/servers/Shop/kannel.conf");
        PeerTools.kannelTestCfg(kannel);
        String text = Files.readString(kannel);
        assertTrue(text.contains("keyword = default\nallowed-receiver-prefix = 3000\nget-url = \"http://127.0.0.1:8081/sms-request?keyword=&from=%p&to=%P\""),
                text);
        assertEquals(1, text.split("group = sms-service", -1).length - 1, "the request is the default service; no second one");
        StageReport request = keywordless.stages().get(0);
        assertEquals("any SMS to 3000: Kannel sms-service 'default' for 3000 (SMSC and passwords are CHANGE-ME placeholders)", request.summary());
        // Without handsets the pages are XHTML MP; the home page is the delivered one.
        assertTrue(Files.isRegularFile(out.resolve("keywordless-out/servers/Shop/htdocs/start.xhtml")));
        assertFalse(Files.exists(out.resolve("keywordless-out/servers/Shop/htdocs/start.wml")));
    }

    @Test
    void theServerFolderAndTrustExportsAreTheSameBytesEveryRun() throws Exception {
        ProvisioningPipeline.standalone().generate(List.of(EXAMPLES.resolve("brief")), out.resolve("b"), new SecretResolver(Map.of()));
        SortedMap<String, byte[]> first = mine(out.resolve("a"));
        SortedMap<String, byte[]> second = mine(out.resolve("b"));
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.keySet().stream().anyMatch(p -> p.contains("01-trust/")), first.keySet()::toString);
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    private static SortedMap<String, byte[]> mine(Path root) throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString();
                if (path.startsWith("servers/") || path.contains("-trust/") || path.contains("-request/")) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
