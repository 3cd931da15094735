package org.mexe.studio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.formatting2.ProvFormatting;

/**
 * The formatter lays out every construct of the language the one canonical way, keeps
 * comments, and agrees with the serializer: model to text to model is equal, and the text of a
 * model is its canonical layout.
 */
class FormatterTest {

    /** Another file, for references across files and namespaces. */
    private static final String OTHER = """
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

    /** Every construct of the language, in the canonical layout. */
    private static final String FORMATTED = """
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
            		enabled no
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

    private final ProvFiles files = new ProvFiles();
    private final ProvFormatting formatting = ProvFiles.INJECTOR.getInstance(ProvFormatting.class);

    /** A namespace that the main file does not import: reachable by qualified name only. */
    private static final String ELSEWHERE = """
            namespace regional.north

            parameters North {
            	wap {
            		gateway "10.20.0.9"
            	}
            }
            """;

    FormatterTest() {
        files.parse("other.prov", OTHER);
        files.parse("north/elsewhere.prov", ELSEWHERE);
    }

    private int formatted;

    private String format(String text) {
        return formatting.format(files.parse("format" + ++formatted + ".prov", text));
    }

    /** The same text with every line break and indentation reduced to single spaces, around braces and commas too. */
    private static String messy(String text) {
        return text.replaceAll("\\s+", " ").replace(", ", " ,").replace("{ ", "{").replace(" }", "}");
    }

    @Test
    void messyTextComesOutInTheCanonicalLayout() {
        String messy = messy(FORMATTED);
        assertFalse(messy.contains("\n"), "the messy text is one line");
        assertEquals(FORMATTED, format(messy));
    }

    @Test
    void formattedTextComesBackUnchanged() {
        assertEquals(FORMATTED, format(FORMATTED));
        assertEquals(OTHER, format(OTHER));
    }

    @Test
    void commentsAreKeptWhereTheyWere() {
        String formatted = """
                // The operator's settings.
                namespace demo.operator // the namespace

                /* Shared sets. */ import shared.sets.*

                parameters Home { // the home network
                	gprs {
                		apn "internet.operator.example" // from the operator's APN list
                		auth pap
                	}
                	// no WAP gateway yet
                }

                // The scenario of the brief.
                scenario Setup {
                	deliver Home {
                		format oma-cp /* the default */
                		security netwpin
                	}
                	// more stages to come
                }
                // end of file
                """;
        String messy = """
                // The operator's settings.
                namespace   demo.operator    // the namespace
                /* Shared sets. */ import shared.sets.*
                parameters Home{ // the home network
                    gprs { apn "internet.operator.example"    // from the operator's APN list
                  auth pap }
                // no WAP gateway yet
                }


                // The scenario of the brief.
                scenario Setup { deliver Home { format oma-cp /* the default */ security netwpin }
                        // more stages to come
                }
                // end of file""";
        assertEquals(formatted, format(messy));
        assertEquals(formatted, format(formatted));
    }

    @Test
    void aFileWithSyntaxErrorsComesBackAsItWas() {
        String broken = "namespace a\nparameters   P {\n gprs { apm \"x\" }\n}\n";
        assertEquals(broken, format(broken));
    }

    @Test
    void modelToTextToModelIsEqual() {
        XtextResource resource = files.parse("roundtrip.prov", FORMATTED);
        EObject model = resource.getContents().get(0);
        assertTrue(resource.getErrors().isEmpty(), () -> resource.getErrors().toString());

        String text = ProvFiles.INJECTOR.getInstance(ISerializer.class).serialize(model, SaveOptions.newBuilder().format().getOptions());
        EObject reparsed = files.parse("reparsed.prov", text).getContents().get(0);

        assertTrue(EcoreUtil.equals(model, reparsed), text);
        assertEquals(FORMATTED, text);
    }

    @Test
    void aModelWithoutTextSerializesToTheCanonicalLayout() {
        // as a model imported from XMI: no node model, only objects
        EObject parsed = files.parse("source.prov", FORMATTED).getContents().get(0);
        EcoreUtil.resolveAll(parsed);
        XtextResource bare = (XtextResource) parsed.eResource().getResourceSet().createResource(URI.createURI("memory:/bare.prov"));
        EObject copy = EcoreUtil.copy(parsed);
        bare.getContents().add(copy);

        String text = ProvFiles.INJECTOR.getInstance(ISerializer.class).serialize(copy, SaveOptions.newBuilder().format().getOptions());

        // the default store of a certificate is not written out; everything else is as a person writes it
        assertEquals(FORMATTED.replace("\tstored-on none\n", ""), text);
        assertTrue(EcoreUtil.equals(copy, files.parse("bare-reparsed.prov", text).getContents().get(0)), text);
    }
}
