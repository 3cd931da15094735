package org.mexe.studio.testing;

/**
 * A .prov project of three files that uses every construct of the language once, in the
 * formatter's canonical layout, and validates without errors: for the formatter, serializer,
 * XMI and command-line tests. Test material: its secrets are named, never given.
 */
public final class EveryConstruct {

    private EveryConstruct() {
    }

    /** The main file, {@code ops/all.prov}: parties, trust, parameters, handsets, servers, applications, subscribers, scenarios. */
    public static final String MAIN = """
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

            sim-ota Cards {
            	kic env "OTA_KIC"
            	kid file "secrets/kid.hex"
            	key-set 2
            	algorithm aes
            	tar "B00010"
            }

            sim-ota CardsFromKeystore {
            	keystore OperatorKeys
            	key-set 3
            	algorithm des3-2key
            	tar "B00011"
            }

            sim-ota LegacyCards {
            	keystore OperatorKeys
            	key-set 1
            	algorithm des3-3key
            	tar "B00001"
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
            		update-sim National via Cards
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

    /** {@code shared/sets.prov}: imported by the main file with a wildcard. */
    public static final String SETS = """
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

    /** {@code shared/north.prov}: a namespace the main file reaches by qualified name only. */
    public static final String NORTH = """
            namespace regional.north

            parameters North {
            	wap {
            		gateway "10.20.0.9"
            	}
            }
            """;
}
