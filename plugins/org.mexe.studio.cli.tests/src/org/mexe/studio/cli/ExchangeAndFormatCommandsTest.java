package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.security.SecretResolver;

/** {@code prov export}, {@code prov import} and {@code prov format}, on files in folders that refer to each other. */
class ExchangeAndFormatCommandsTest {

    /** A set in one folder... */
    private static final String SETS = """
            namespace shared.sets

            parameters National {
            	gprs {
            		apn "internet.operator.example"
            		dns "10.0.0.1", "10.0.0.2"
            	}
            	wap {
            		gateway "10.0.0.1"
            		port 9201
            		homepage "http://wap.operator.example/"
            	}
            }
            """;

    /** ...extended and delivered from another. */
    private static final String SCENARIO = """
            namespace demo.operator

            import shared.sets.*

            // The capital has its own APN.
            parameters London extends National {
            	gprs {
            		apn "london.operator.example"
            	}
            }

            scenario Setup {
            	deliver London, shared.sets.National {
            		format oma-cp
            		security userpin
            		pin env "PIN"
            		to "+447700900123"
            	}
            }
            """;

    /** Every construct of the language, in three files of two folders (findings of the checks do not matter here). */
    private static final String EVERY_CONSTRUCT = """
            namespace demo.operator

            import shared.sets.*
            import shared.sets.Game

            party DemoOperator is operator named "Demo Operator plc"

            party Carrier is carrier

            party Isp is isp

            party Asp is asp named "Apps Ltd"

            party Nokia is manufacturer

            party Vendor is third-party

            keystore OperatorKeys {
            	file "keys/operator.p12"
            	password env "OPERATOR_KEYSTORE_PASSWORD"
            }

            keystore VendorKeys {
            	file "keys/vendor.p12"
            	password file "secrets/vendor.txt"
            }

            certificate OperatorRoot {
            	keystore OperatorKeys alias "operator-root"
            	owner DemoOperator
            	stored-on sim
            }

            certificate NokiaRoot {
            	file "certs/nokia-root.pem"
            	owner Nokia
            	stored-on handset
            }

            certificate VendorCert {
            	keystore VendorKeys alias "vendor"
            	stored-on none
            }

            domain OperatorDomain is operator {
            	roots OperatorRoot
            	allows network-access, messaging, phone-settings, sim-settings, component-download, user-data
            	revocation-list "crl/operator.crl"
            	revocation-list "crl/backup.crl"
            }

            domain ManufacturerDomain is manufacturer {
            	roots NokiaRoot
            	allows network-access
            }

            domain ThirdPartyDomain is third-party {
            	roots VendorCert, NokiaRoot
            }

            parameters National {
            	gsm-csd {
            		number "+447700900100"
            		call-type v110
            		speed 9600
            		auth pap
            		user "csd"
            		password env "CSD_PASSWORD"
            	}
            	gprs {
            		apn "internet.operator.example"
            		auth chap
            		user "web"
            		password file "secrets/gprs.txt"
            		dns "10.0.0.1", "10.0.0.2"
            		linger 300
            	}
            	wap {
            		gateway "10.10.0.9"
            		port 9201
            		service co-sec-wsp
            		setup-url "http://setup.operator.example/"
            		homepage "http://wap.operator.example/"
            		bookmark "News" "http://wap.operator.example/news"
            		bookmark "Mail" "http://wap.operator.example/mail"
            	}
            	www {
            		proxy "proxy.operator.example"
            		port 8080
            		setup-url "http://www.operator.example/setup"
            		homepage "http://www.operator.example/"
            		bookmark "Search" "http://search.example/"
            	}
            	mail {
            		smtp "smtp.operator.example" port 587 security starttls
            		pop3 "pop.operator.example" port 995 security ssl
            		imap "imap.operator.example"
            		from "subscriber@operator.example"
            		user "mailuser"
            		password env "MAIL_PASSWORD"
            	}
            	ipv4 {
            		enabled yes
            		address "10.1.1.1", "10.1.1.2"
            		dns "10.0.0.1", "10.0.0.2"
            	}
            	ipv6 {
            		enabled yes
            		address "2001:db8::1"
            		dns "2001:db8::53"
            		six-to-four yes
            	}
            	public-keys OperatorRoot, NokiaRoot
            	default-classmark 3
            }

            parameters London extends National {
            	gprs {
            		apn "london.operator.example"
            	}
            }

            parameters Abroad extends Roaming {
            	gsm-csd {
            		call-type analog
            		auth none
            	}
            	wap {
            		service cl-wsp
            	}
            }

            parameters Northern extends regional.north.North {
            	www {
            		proxy "proxy.north.example"
            	}
            }

            handset Series60 {
            	manufacturer Nokia
            	classmarks 1, 3
            	concatenated-sms max 6 segments
            	formats oma-cp, nokia-ota
            	trusts OperatorDomain, ManufacturerDomain
            }

            handset Legacy {
            	classmarks 1
            	concatenated-sms
            	formats nokia-ota
            }

            server ProvServer {
            	url "http://prov.operator.example/"
            	homepage "http://prov.operator.example/start"
            	hosts Boot at "boot/boot.jad"
            	hosts Wallet at "apps/wallet.jad"
            }

            bootstrap-app Boot {
            	classmark 3
            	size 48000
            	signed-by OperatorRoot
            	domain OperatorDomain
            	vendor DemoOperator
            }

            component Wallet {
            	classmark 3
            	size 20000
            	signed-by VendorCert
            	domain ThirdPartyDomain
            	vendor Vendor
            }

            subscribers NewSubscribers {
            	file "subscribers.csv"
            	columns msisdn, imsi, pin
            }

            scenario Brief {
            	provider DemoOperator
            	handsets Series60, Legacy
            	subscribers NewSubscribers
            	trust NokiaRoot, OperatorRoot
            	request sim-toolkit menu "Get settings" keyword "SETUP" to "2000"
            	deliver National, London {
            		format oma-cp
            		security userpin
            		pin generated
            		bearer concatenated-sms
            		to subscribers
            	}
            	connect ProvServer
            	download Boot over http
            	run Boot {
            		offer "Plan A", "Plan B"
            		collect "credit card", "date of birth"
            		update-phone London
            		update-sim National
            		order Wallet, Game
            	}
            	install Wallet, Game over ftp
            }

            scenario Variants {
            	provider Carrier
            	request call to "+447700900200"
            	request sms keyword "SETUP" to "2000"
            	deliver Abroad {
            		format nokia-ota
            		security netwpin
            		imsi "234150000000001"
            		to "+447700900123"
            	}
            	deliver Roaming {
            		security usernetwpin
            		pin env "USERPIN"
            	}
            	deliver London {
            		security userpinmac
            		pin file "secrets/pin.txt"
            	}
            	deliver National {
            		security none
            	}
            	connect "http://prov.operator.example/alt"
            	download Boot
            	install Wallet
            }
            """;

    private static final String EVERY_CONSTRUCT_SETS = """
            namespace shared.sets

            parameters Roaming {
            	gprs {
            		apn "roaming.example"
            	}
            }

            component Game {
            	classmark 2
            }
            """;

    private static final String EVERY_CONSTRUCT_NORTH = """
            namespace regional.north

            parameters North {
            	wap {
            		gateway "10.20.0.9"
            	}
            }
            """;

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The two files, under src/shared and src/ops. */
    private Path sources() throws Exception {
        Path src = folder.resolve("src");
        Files.createDirectories(src.resolve("shared"));
        Files.createDirectories(src.resolve("ops"));
        Files.writeString(src.resolve("shared/sets.prov"), SETS);
        Files.writeString(src.resolve("ops/scenario.prov"), SCENARIO);
        return src;
    }

    private static List<EObject> models(Path folder) throws Exception {
        var loaded = ProvisioningPipeline.standalone().load(List.of(folder));
        return loaded.resources().values().stream().map(r -> r.getContents().get(0)).toList();
    }

    @Test
    void exportWritesOneXmiPerFileThatPlainEmfOpensWithItsCrossFileReferences() throws Exception {
        Path xmi = folder.resolve("xmi");
        Run run = prov("export", sources().toString(), "--xmi", xmi.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Exported 2 file(s)"), run.out());

        // no Xtext here: a plain resource set that knows only the metamodel
        ResourceSet plain = new ResourceSetImpl();
        plain.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        plain.getPackageRegistry().put(ProvisioningPackage.eNS_URI, ProvisioningPackage.eINSTANCE);
        Resource scenario = plain.getResource(URI.createFileURI(xmi.resolve("ops/scenario.xmi").toString()), true);
        EcoreUtil.resolveAll(plain);

        assertTrue(scenario.getErrors().isEmpty(), () -> scenario.getErrors().toString());
        ProvisioningModel model = (ProvisioningModel) scenario.getContents().get(0);
        ParameterSet london = (ParameterSet) model.getElements().get(0);
        assertFalse(london.getBase().eIsProxy(), "the reference to the other file resolves");
        assertEquals("internet.operator.example", london.getBase().getGprs().getApn());
        assertTrue(plain.getResources().stream().anyMatch(r -> xmi.resolve("shared/sets.xmi").toString().equals(r.getURI().toFileString())),
                "the other file was loaded through the href");
        ParameterDelivery delivery = (ParameterDelivery) ((Scenario) model.getElements().get(1)).getStages().get(0);
        assertEquals(List.of("London", "National"), delivery.getParameterSets().stream().map(ParameterSet::getName).toList());

        String text = Files.readString(xmi.resolve("ops/scenario.xmi"));
        assertTrue(text.contains("xmi:id=\"demo.operator.London\""), text);
        assertTrue(text.contains("href=\"../shared/sets.xmi#shared.sets.National\""), "a relative href to the qualified name: " + text);
        assertFalse(text.contains(folder.toString()), "no absolute path in the XMI");
    }

    @Test
    void exportGivesTheSameBytesEveryTime() throws Exception {
        Path src = sources();
        assertEquals(0, prov("export", src.toString(), "--xmi", folder.resolve("a").toString()).exitCode());
        assertEquals(0, prov("export", src.toString(), "--xmi", folder.resolve("b").toString()).exitCode());

        for (String file : List.of("ops/scenario.xmi", "shared/sets.xmi")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("a").resolve(file)), Files.readAllBytes(folder.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void provToXmiToProvGivesTheSameModelAndTheCanonicalText() throws Exception {
        Path src = sources();
        Path xmi = folder.resolve("xmi");
        Path back = folder.resolve("back");
        assertEquals(0, prov("export", src.toString(), "--xmi", xmi.toString()).exitCode());

        Run run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Imported 2 file(s)"), run.out());
        assertTrue(EcoreUtil.equals(models(src), models(back)), "the imported model equals the exported one");
        assertEquals(SETS, Files.readString(back.resolve("shared/sets.prov")));
        // XMI keeps no comments, and a name that an import makes visible is written simply: the canonical text of the model
        assertEquals(SCENARIO.replace("// The capital has its own APN.\n", "").replace("shared.sets.National {", "National {"),
                Files.readString(back.resolve("ops/scenario.prov")));
    }

    @Test
    void everyConstructRoundTripsThroughXmi() throws Exception {
        Path src = folder.resolve("src");
        Files.createDirectories(src.resolve("shared"));
        Files.createDirectories(src.resolve("ops"));
        Files.writeString(src.resolve("ops/all.prov"), EVERY_CONSTRUCT);
        Files.writeString(src.resolve("shared/sets.prov"), EVERY_CONSTRUCT_SETS);
        Files.writeString(src.resolve("shared/north.prov"), EVERY_CONSTRUCT_NORTH);
        Path xmi = folder.resolve("xmi");
        Path back = folder.resolve("back");

        Run export = prov("export", src.toString(), "--xmi", xmi.toString());
        Run imported = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("written as they are"), "the findings of the checks are reported: " + export.out());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(EcoreUtil.equals(models(src), models(back)), "the imported model equals the exported one");
        // a value equal to its default is not written back
        assertEquals(EVERY_CONSTRUCT.replace("\tstored-on none\n", ""), Files.readString(back.resolve("ops/all.prov")));
        assertEquals(EVERY_CONSTRUCT_SETS, Files.readString(back.resolve("shared/sets.prov")));
        assertEquals(EVERY_CONSTRUCT_NORTH, Files.readString(back.resolve("shared/north.prov")));
    }

    @Test
    void anExportOfInputWithAnUnresolvedReferenceWritesNothing() throws Exception {
        Path src = sources();
        Files.writeString(src.resolve("ops/scenario.prov"), SCENARIO.replace("extends National", "extends Nationl"));
        Path xmi = folder.resolve("xmi");

        Run run = prov("export", src.toString(), "--xmi", xmi.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("scenario.prov:6:27: error:"), run.err());
        assertFalse(Files.exists(xmi));
    }

    @Test
    void anExportOfAModelWithFindingsOfTheChecksWritesItAndReportsThem() throws Exception {
        Path src = sources();
        Files.writeString(src.resolve("shared/sets.prov"), SETS.replace("internet.operator.example", "bad apn!"));
        Path xmi = folder.resolve("xmi");

        Run run = prov("export", src.toString(), "--xmi", xmi.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("sets.prov:5:7: error: The APN \"bad apn!\""), run.err());
        assertTrue(run.out().contains("The model has 1 error(s)"), run.out());
        assertTrue(Files.readString(xmi.resolve("shared/sets.xmi")).contains("apn=\"bad apn!\""));
    }

    @Test
    void anImportStopsAtAnHrefThatDoesNotResolve() throws Exception {
        Path xmi = folder.resolve("xmi");
        assertEquals(0, prov("export", sources().toString(), "--xmi", xmi.toString()).exitCode());
        Path scenario = xmi.resolve("ops/scenario.xmi");
        Files.writeString(scenario, Files.readString(scenario).replace("#shared.sets.National\"", "#shared.sets.Nowhere\""));
        Path back = folder.resolve("back");

        Run run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains(scenario + ":0:0: error: The reference 'base' points to ") && run.err().contains("shared.sets.Nowhere"),
                run.err());
        assertTrue(run.err().contains("nothing was imported"), run.err());
        assertFalse(Files.exists(back));
    }

    @Test
    void anImportOfAModelThatBreaksARuleWritesItAndReportsTheFindingAtItsLine() throws Exception {
        Path xmi = folder.resolve("xmi");
        assertEquals(0, prov("export", sources().toString(), "--xmi", xmi.toString()).exitCode());
        Path sets = xmi.resolve("shared/sets.xmi");
        Files.writeString(sets, Files.readString(sets).replace("internet.operator.example", "bad apn!"));
        Path back = folder.resolve("back");

        Run run = prov("import", xmi.toString(), "-o", back.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(back.resolve("shared/sets.prov") + ":5:7: error: The APN \"bad apn!\""), run.err());
        assertTrue(run.out().contains("The model has 1 error(s)"), run.out());
        assertEquals(SETS.replace("internet.operator.example", "bad apn!"), Files.readString(back.resolve("shared/sets.prov")));
    }

    @Test
    void anImportOfAFileThatIsNotXmiOfTheMetamodelNamesTheFile() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.xmi"), "<not-xmi/>");

        Run run = prov("import", broken.toString(), "-o", folder.resolve("back").toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().startsWith(broken.toString() + ":"), run.err());
    }

    @Test
    void anOutputFolderWithOtherFilesIsRefusedNotReplaced() throws Exception {
        Path src = sources();
        Path notes = Files.writeString(folder.resolve("notes.txt"), "keep me");

        Run run = prov("export", src.toString(), "--xmi", folder.toString());

        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        assertTrue(run.err().contains(", which is not a .xmi file. The output folder is replaced as a whole"), run.err());
        assertEquals("keep me", Files.readString(notes));
        assertEquals(SETS, Files.readString(src.resolve("shared/sets.prov")));
    }

    @Test
    void formatCheckListsTheFilesThatWouldChangeAndFails() throws Exception {
        Path src = sources();
        Path messy = src.resolve("ops/scenario.prov");
        String messyText = SCENARIO.replace("\t\tformat oma-cp\n", "   format    oma-cp\n").replace("}\n\nscenario", "}\nscenario");
        Files.writeString(messy, messyText);

        Run check = prov("format", "--check", src.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, check.exitCode());
        assertTrue(check.out().contains(messy + ": not in the canonical layout"), check.out());
        assertFalse(check.out().contains("sets.prov"), check.out());
        assertTrue(check.out().contains("2 file(s) checked: 1 would change."), check.out());
        assertEquals(messyText, Files.readString(messy), "--check writes nothing");
    }

    @Test
    void formatRewritesOnlyTheFilesOutOfLayoutAndThenTheCheckPasses() throws Exception {
        Path src = sources();
        Path messy = src.resolve("ops/scenario.prov");
        Files.writeString(messy, SCENARIO.replace("\t\tformat oma-cp\n", "   format    oma-cp\n"));
        long setsModified = Files.getLastModifiedTime(src.resolve("shared/sets.prov")).toMillis();

        Run run = prov("format", src.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Formatted " + messy), run.out());
        assertEquals(SCENARIO, Files.readString(messy), "the comment is kept");
        assertEquals(setsModified, Files.getLastModifiedTime(src.resolve("shared/sets.prov")).toMillis(), "an unchanged file is not written");
        assertEquals(0, prov("format", "--check", src.toString()).exitCode());
        try (Stream<Path> files = Files.list(messy.getParent())) {
            assertEquals(List.of(messy), files.toList(), "no staging file is left");
        }
    }

    @Test
    void formatLeavesAFileWithASyntaxErrorAsItIsAndSaysWhere() throws Exception {
        Path src = sources();
        Path broken = src.resolve("ops/scenario.prov");
        String text = SCENARIO.replace("apn \"london", "apm \"london");
        Files.writeString(broken, text);

        Run run = prov("format", broken.toString());

        assertEquals(Prov.EXIT_INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains(broken + ":8:3: error: Unexpected 'apm' in the gprs block"), run.err());
        assertEquals(text, Files.readString(broken));
    }

    @Test
    void theNewCommandsHaveHelpAndNeedTheirOutputFolder() {
        for (String command : new String[] { "format", "export", "import" }) {
            Run run = prov(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: prov " + command), run.out());
        }
        assertEquals(Prov.EXIT_USAGE, prov("export", "x.prov").exitCode(), "--xmi is required");
        assertEquals(Prov.EXIT_USAGE, prov("import", "x.xmi").exitCode(), "-o is required");
    }
}
