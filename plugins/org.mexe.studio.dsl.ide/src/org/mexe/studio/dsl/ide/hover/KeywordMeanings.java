package org.mexe.studio.dsl.ide.hover;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * What each word of the language means, in the words of docs/language.md: the hover of a keyword.
 * Words that mean different things in different blocks ({@code port}, {@code password}) say so.
 */
public final class KeywordMeanings {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            entry("namespace", "The file's namespace: every element of the file is known everywhere by `namespace.Name`."),
            entry("import", "Makes names of another namespace visible by their simple name: `import a.b.Name` (one element) or `import a.b.*` (every element of `a.b`)."),
            entry("party", "A party: an operator, carrier, ISP, ASP, manufacturer or third party. It owns certificates, makes handsets, sells applications and runs scenarios."),
            entry("is", "The role of a party, or the kind of a security domain."),
            entry("named", "A party's display name, for reports."),
            entry("keystore", "A PKCS#12 keystore: `file` and `password` are both required. Its key material stays in the file."),
            entry("certificate", "A certificate: from a `keystore` with an `alias`, or from a PEM/DER `file` (exactly one of the two)."),
            entry("alias", "The alias of the certificate in its keystore."),
            entry("owner", "Whose certificate it is."),
            entry("stored-on", "Where a handset holds this certificate: manufacturer roots `handset`, operator roots `sim` (`rootMisplaced`)."),
            entry("domain", "A MExE security domain (manufacturer, operator or third-party): its `roots` anchor the code signed into it; in an application, the domain it is signed into."),
            entry("roots", "The certificates that anchor the security domain."),
            entry("allows", "What code signed into the domain may do. Without `allows`: MExE's defaults of the kind."),
            entry("revocation-list", "A CRL (PEM or DER) the signer's chain is checked against."),
            entry("env", "A secret read from this environment variable of the process that validates or generates. Its value is never shown or written."),
            entry("file", "A file, relative to the folder of this .prov file, or absolute. For a secret: the file's content without its final line break, never shown or written."),
            entry("password", "A secret password: `env \"VAR\"` or `file \"path\"`. Access point, dial-up and mail passwords travel inside the settings by design; a keystore's never leaves the machine."),
            entry("parameters", "A parameter set: the settings that travel together. Every block and statement is optional."),
            entry("extends", "The set this one overrides: a value given here wins, every other comes from the base set (blocks merge value by value, lists replace)."),
            entry("gsm-csd", "GSM circuit-switched dial-up (the brief's RAS number): OMA CP `NAPDEF` with `BEARER=GSM-CSD`."),
            entry("number", "The RAS dial-up number, E.164 (`+` and up to 15 digits) or a short code."),
            entry("call-type", "The data call type: analog, v110 or v120."),
            entry("speed", "The CSD link speed: 2400, 4800, 9600, 14400, or HSCSD 19200 to 57600."),
            entry("auth", "How the access point authenticates: none, pap or chap."),
            entry("user", "The user name of the access point, dial-up or mail account."),
            entry("gprs", "A GPRS access point: OMA CP `NAPDEF` with `BEARER=GSM-GPRS`."),
            entry("apn", "The access point name (3GPP TS 23.003 §9.1): dot-separated labels, at most 100 characters, not ending in `.gprs`."),
            entry("dns", "DNS servers: IP addresses, not names (a phone cannot look up its DNS server by name)."),
            entry("linger", "Seconds an idle connection stays up, 1 to 86400."),
            entry("wap", "WAP settings: the gateway (`PXLOGICAL`/`PXPHYSICAL`), home page, setup URL and bookmarks."),
            entry("gateway", "The WAP gateway: an IP address or a host name."),
            entry("port", "A port number, 1 to 65535."),
            entry("service", "The WAP gateway's service: co-wsp, cl-wsp, co-sec-wsp or cl-sec-wsp."),
            entry("setup-url", "The provisioning or setup URL the phone opens: `http://` or `https://`."),
            entry("homepage", "The home page: an `http://` or `https://` URL."),
            entry("bookmark", "A favourite: title, then URL. Any number."),
            entry("www", "WWW settings: the HTTP proxy, home page, setup URL and bookmarks."),
            entry("proxy", "The HTTP proxy: an IP address or a host name."),
            entry("mail", "Mail settings: SMTP, POP3 and IMAP servers with one account."),
            entry("smtp", "The outgoing mail server, with its port and security."),
            entry("pop3", "The POP3 server, with its port and security."),
            entry("imap", "The IMAP server, with its port and security."),
            entry("from", "The sender's mail address."),
            entry("ipv4", "IPv4: enabled, the phone's address and DNS servers."),
            entry("ipv6", "IPv6: enabled, the phone's address, DNS servers and 6-to-4."),
            entry("enabled", "Whether the protocol is on: `yes` or `no`."),
            entry("address", "The phone's own address. ProvCont carries one."),
            entry("six-to-four", "6-to-4 tunnelling; only where IPv4 is not disabled."),
            entry("public-keys", "Certificates for the phone. OMA CP cannot carry them (`notCarried`): use `update-sim` or the trust stage."),
            entry("default-classmark", "The default MExE classmark of a multi-classmark handset: 1 WAP, 2 PersonalJava, 3 J2ME MIDP, 4 CLI."),
            entry("handset", "A handset model: its manufacturer, classmarks, how many concatenated SMS it reassembles, the formats it reads and the domains it trusts."),
            entry("manufacturer", "The party that makes the handset; as a role or domain kind: a manufacturer."),
            entry("classmarks", "The MExE classmarks the phone supports (1 WAP, 2 PersonalJava, 3 J2ME MIDP, 4 CLI)."),
            entry("classmark", "The MExE classmark the application needs: 1 to 4 (required)."),
            entry("concatenated-sms", "The phone reassembles concatenated SMS: up to `max N segments`, else 255. Without it, one SMS per message."),
            entry("max", "The most SMS segments the handset reassembles, 1 to 255."),
            entry("segments", "SMS segments."),
            entry("formats", "The settings formats the handset reads: oma-cp, nokia-ota."),
            entry("trusts", "The security domains the handset trusts; what it downloads must be signed into one of them."),
            entry("server", "A provisioning server: base URL, home page and the applications it hosts."),
            entry("url", "The server's base URL."),
            entry("hosts", "An application the server hosts, at a path below its base URL."),
            entry("at", "The path below the server's base URL."),
            entry("bootstrap-app", "A bootstrap application (the brief's step 5): the MIDlet the phone downloads to finish provisioning."),
            entry("component", "A MExE component the bootstrap application orders, or the phone installs."),
            entry("size", "The application's size in bytes."),
            entry("signed-by", "The code-signing certificate; goes with `domain` (`incompleteSignature`)."),
            entry("vendor", "The party that sells the application."),
            entry("subscribers", "Subscribers from a UTF-8 CSV file: one message per MSISDN, signed with each subscriber's IMSI or PIN."),
            entry("columns", "The columns of the subscribers file, in its order: msisdn, imsi, pin."),
            entry("scenario", "A provisioning scenario: the stages that bring a handset into service, in order."),
            entry("provider", "The service provider that runs the scenario (the brief's SP)."),
            entry("handsets", "The handsets the scenario targets: payload size, formats, classmarks and domains are checked against them."),
            entry("trust", "Stage 1: the roots on the phone and on the SIM (before any download)."),
            entry("request", "Stage 2: how the subscriber asks for provisioning: a call, an SMS, or a SIM Toolkit application."),
            entry("menu", "The SIM Toolkit menu item."),
            entry("keyword", "The text of the request SMS."),
            entry("to", "Where it goes: an E.164 number or a short code, or `subscribers`."),
            entry("deliver", "Stage 3: the parameter sets, in one document, sent in concatenated SMS."),
            entry("format", "oma-cp (the default) or nokia-ota."),
            entry("security", "How the settings are signed: userpin, netwpin, usernetwpin, userpinmac or none (required). For a mail server: none, ssl or starttls."),
            entry("pin", "The USERPIN: `env`, `file`, or `generated` (a random PIN per message, written only to userpins.csv)."),
            entry("generated", "A random PIN per message (8 digits; 4 + 4 for userpinmac), written only to the owner-only userpins.csv."),
            entry("imsi", "The subscriber's IMSI (6 to 15 digits): the NETWPIN key."),
            entry("bearer", "How the settings travel: concatenated-sms."),
            entry("connect", "Stage 4: the phone goes online to the provisioning server or URL (after the first deliver)."),
            entry("download", "Stage 5: the phone downloads the bootstrap application (after the first connect)."),
            entry("over", "The transfer protocol: http or ftp."),
            entry("run", "Stage 6: what the bootstrap application does, in order (after it is downloaded)."),
            entry("offer", "The bootstrap application offers these choices to the user."),
            entry("collect", "The bootstrap application asks the user for these (needs `user-data`)."),
            entry("update-phone", "Writes these sets on the phone, including what SMS cannot carry (needs `phone-settings`)."),
            entry("update-sim", "Writes these sets on the (U)SIM (needs `sim-settings`)."),
            entry("order", "Has the phone download these components (needs `component-download`)."),
            entry("install", "The phone downloads and installs these MExE components (after the first connect)."),
            entry("userpin", "Signed with an HMAC of a PIN the user types: needs `pin`."),
            entry("netwpin", "Signed with the subscriber's IMSI, which the network knows: needs `imsi`."),
            entry("usernetwpin", "Signed with the IMSI and a PIN: needs both."),
            entry("userpinmac", "A PIN half random, half derived from the document: needs `pin`."),
            entry("oma-cp", "OMA Client Provisioning (ProvCont 1.1) in WBXML."),
            entry("nokia-ota", "The Nokia/Ericsson OTA browser settings, for older phones; cannot be signed."));

    private KeywordMeanings() {
    }

    /** The meaning of {@code keyword}, if the language gives it one worth saying. */
    public static Optional<String> of(String keyword) {
        return Optional.ofNullable(MEANINGS.get(keyword));
    }
}
