package org.mexe.studio.codec.cp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.codec.CodecWarning;

/**
 * What OMA ProvCont 1.1 (clause 5) allows where: which characteristics may stand at the top and
 * inside which others, which parms each one takes, and which values are fixed words. Decoders and
 * encoders both ask it, so a document a handset would accept with a shrug is read and written, with
 * the same warnings either way: a missing {@code version}, an unknown characteristic or parm (a
 * handset ignores it), a characteristic in the wrong place, a name or a fixed value written in
 * another case, white space around a fixed value. A warning never quotes the value of a secret parm.
 */
public final class ProvCont {

    private static final String ROOT = "(top level)";

    /** Parent (or ROOT) to the characteristics it may hold. */
    private static final Map<String, Set<String>> CHILDREN = Map.ofEntries(
            Map.entry(ROOT, Set.of("PXLOGICAL", "NAPDEF", "BOOTSTRAP", "VENDORCONFIG", "CLIENTIDENTITY", "APPLICATION", "ACCESS")),
            Map.entry("PXLOGICAL", Set.of("PXAUTHINFO", "PORT", "PXPHYSICAL")),
            Map.entry("PXPHYSICAL", Set.of("PORT")),
            Map.entry("NAPDEF", Set.of("NAPAUTHINFO", "VALIDITY")),
            Map.entry("APPLICATION", Set.of("APPADDR", "APPAUTH", "RESOURCE")),
            Map.entry("APPADDR", Set.of("PORT")));

    /** The parms of each characteristic (ProvCont 1.1 clauses 5.3 to 5.10). */
    private static final Map<String, Set<String>> PARMS = Map.ofEntries(
            Map.entry("PXLOGICAL", Set.of("PROXY-ID", "PROXY-PW", "PPGAUTH-TYPE", "PROXY-PROVIDER-ID", "NAME", "DOMAIN",
                    "TRUST", "MASTER", "STARTPAGE", "BASAUTH-ID", "BASAUTH-PW", "WSP-VERSION", "PUSHENABLED", "PULLENABLED")),
            Map.entry("PXAUTHINFO", Set.of("PXAUTH-TYPE", "PXAUTH-ID", "PXAUTH-PW")),
            Map.entry("PORT", Set.of("PORTNBR", "SERVICE")),
            Map.entry("PXPHYSICAL", Set.of("PHYSICAL-PROXY-ID", "DOMAIN", "PXADDR", "PXADDRTYPE", "PXADDR-FQDN",
                    "WSP-VERSION", "PUSHENABLED", "PULLENABLED", "TO-NAPID")),
            Map.entry("NAPDEF", Set.of("NAPID", "BEARER", "NAME", "INTERNET", "NAP-ADDRESS", "NAP-ADDRTYPE", "DNS-ADDR",
                    "CALLTYPE", "LOCAL-ADDR", "LOCAL-ADDRTYPE", "LINKSPEED", "DNLINKSPEED", "LINGER", "DELIVERY-ERR-SDU",
                    "DELIVERY-ORDER", "TRAFFIC-CLASS", "MAX-SDU-SIZE", "MAX-BITRATE-UPLINK", "MAX-BITRATE-DNLINK",
                    "RESIDUAL-BER", "SDU-ERROR-RATIO", "TRAFFIC-HANDL-PRIO", "TRANSFER-DELAY", "GUARANTEED-BITRATE-UPLINK",
                    "GUARANTEED-BITRATE-DNLINK", "MAX-NUM-RETRY", "FIRST-RETRY-TIMEOUT", "REREG-THRESHOLD", "T-BIT")),
            Map.entry("NAPAUTHINFO", Set.of("AUTHTYPE", "AUTHNAME", "AUTHSECRET", "AUTH-ENTITY", "SPI")),
            Map.entry("VALIDITY", Set.of("COUNTRY", "NETWORK", "SID", "SOC", "VALIDUNTIL")),
            Map.entry("BOOTSTRAP", Set.of("NAME", "NETWORK", "COUNTRY", "PROXY-ID", "PROVURL", "CONTEXT-ALLOW")),
            Map.entry("CLIENTIDENTITY", Set.of("CLIENT-ID")),
            Map.entry("APPLICATION", Set.of("APPID", "PROVIDER-ID", "NAME", "AACCEPT", "APROTOCOL", "TO-PROXY", "TO-NAPID",
                    "ADDR")),
            Map.entry("APPADDR", Set.of("ADDR", "ADDRTYPE")),
            Map.entry("APPAUTH", Set.of("AAUTHLEVEL", "AAUTHTYPE", "AAUTHNAME", "AAUTHSECRET", "AAUTHDATA")),
            Map.entry("RESOURCE", Set.of("URI", "NAME", "AACCEPT", "AAUTHTYPE", "AAUTHNAME", "AAUTHSECRET", "AAUTHDATA",
                    "STARTPAGE")),
            Map.entry("ACCESS", Set.of("RULE", "APPID", "PORTNBR", "DOMAIN", "TO-NAPID", "TO-PROXY")));

    /**
     * Characteristics whose parm list is open: APPLICATION takes the parms its application's
     * registration defines (SMTP's FROM, ...), VENDORCONFIG whatever its vendor defines.
     */
    private static final Set<String> OPEN = Set.of("APPLICATION", "VENDORCONFIG");

    /** Parms whose values are words from ProvCont's lists, which receivers compare as written. */
    private static final Map<String, Set<String>> FIXED_VALUES = Map.ofEntries(
            Map.entry("BEARER", Set.of("GSM-USSD", "GSM-SMS", "ANSI-136-GUTS", "IS-95-CDMA-SMS", "IS-95-CDMA-CSD",
                    "IS-95-CDMA-PACKET", "ANSI-136-CSD", "ANSI-136-GPRS", "GSM-CSD", "GSM-GPRS", "AMPS-CDPD", "PDC-CSD",
                    "PDC-PACKET", "IDEN-SMS", "IDEN-CSD", "IDEN-PACKET", "FLEX/REFLEX", "PHS-SMS", "PHS-CSD", "TETRA-SDS",
                    "TETRA-PACKET", "ANSI-136-GHOST", "MOBITEX-MPAK", "CDMA2000-1X-SIMPLE-IP", "CDMA2000-1X-MOBILE-IP",
                    "3G-GSM", "WLAN")),
            Map.entry("NAP-ADDRTYPE", Set.of("IPV4", "IPV6", "E164", "ALPHA", "APN", "SCODE", "TETRA-ITSI", "MAN")),
            Map.entry("PXADDRTYPE", Set.of("IPV4", "IPV6", "E164", "ALPHA", "SCODE", "TETRA-ITSI", "MAN")),
            Map.entry("LOCAL-ADDRTYPE", Set.of("IPV4", "IPV6", "E164", "ALPHA", "APN", "SCODE", "TETRA-ITSI", "MAN")),
            Map.entry("ADDRTYPE", Set.of("IPV4", "IPV6", "E164", "ALPHA", "APN", "SCODE", "TETRA-ITSI", "MAN")),
            Map.entry("CALLTYPE", Set.of("ANALOG-MODEM", "V.120", "V.110", "X.31", "BIT-TRANSPARENT",
                    "DIRECT-ASYNCHRONOUS-DATA-SERVICE")),
            Map.entry("AUTHTYPE", Set.of("PAP", "CHAP", "MD5")),
            Map.entry("PXAUTH-TYPE", Set.of("HTTP-BASIC", "HTTP-DIGEST", "WTLS-SS")),
            Map.entry("AAUTHTYPE", Set.of("HTTP-BASIC", "HTTP-DIGEST", "BASIC", "DIGEST")));

    /** Parms that carry a password or key: the handset needs them, people reading a printout do not. */
    private static final Set<String> SECRET_PARMS = Set.of("AUTHSECRET", "AAUTHSECRET", "AAUTHDATA", "PXAUTH-PW",
            "BASAUTH-PW", "PROXY-PW");

    private static final Set<String> ALL_TYPES;
    private static final Set<String> ALL_PARMS;

    static {
        Set<String> types = new java.util.HashSet<>(PARMS.keySet());
        CHILDREN.values().forEach(types::addAll);
        ALL_TYPES = Set.copyOf(types);
        Set<String> parms = new java.util.HashSet<>();
        PARMS.values().forEach(parms::addAll);
        ALL_PARMS = Set.copyOf(parms);
    }

    private ProvCont() {
    }

    /** Whether a parm of this name carries a secret (compared without regard to case, as a lenient reader would). */
    public static boolean isSecret(String parmName) {
        return SECRET_PARMS.contains(parmName.strip().toUpperCase(Locale.ROOT));
    }

    /** What a masked secret reads as: the same for every value, so its length is not given away either. */
    public static final String MASK = "********";

    /** A copy in which every secret parm's value reads {@link #MASK}, for printouts meant for people. */
    public static ProvisioningDocument masked(ProvisioningDocument document) {
        return new ProvisioningDocument(document.version(), document.characteristics().stream().map(ProvCont::masked).toList());
    }

    /** The values of the document's secret parms: what {@link #masked} hides, for printouts of its bytes. */
    public static Set<String> secretValues(ProvisioningDocument document) {
        Set<String> values = new HashSet<>();
        document.characteristics().forEach(characteristic -> collectSecretValues(characteristic, values));
        return values;
    }

    private static void collectSecretValues(Characteristic characteristic, Set<String> values) {
        for (Parm parm : characteristic.parms()) {
            if (isSecret(parm.name())) {
                parm.value().ifPresent(values::add);
            }
        }
        characteristic.characteristics().forEach(child -> collectSecretValues(child, values));
    }

    private static Characteristic masked(Characteristic characteristic) {
        return new Characteristic(characteristic.type(),
                characteristic.parms().stream()
                        .map(parm -> isSecret(parm.name()) && parm.value().isPresent() ? new Parm(parm.name(), MASK) : parm)
                        .toList(),
                characteristic.characteristics().stream().map(ProvCont::masked).toList());
    }

    /** The warnings for everything in the document that ProvCont 1.1 does not define as written. */
    public static List<CodecWarning> check(ProvisioningDocument document) {
        List<CodecWarning> warnings = new ArrayList<>();
        String path = "/" + ProvLanguage.ROOT_ELEMENT;
        if (document.version().isEmpty()) {
            warnings.add(new CodecWarning(path, "no version attribute: the PROV 1.0 DTD requires version=\"1.0\";"
                    + " handsets accept the document without it"));
        }
        if (document.characteristics().isEmpty()) {
            warnings.add(new CodecWarning(path, "no characteristic: the PROV 1.0 DTD requires at least one"));
        }
        for (int i = 0; i < document.characteristics().size(); i++) {
            check(document.characteristics().get(i), ROOT, path, i + 1, warnings);
        }
        return List.copyOf(warnings);
    }

    private static void check(Characteristic characteristic, String parent, String parentPath, int position,
            List<CodecWarning> warnings) {
        String type = characteristic.type();
        String path = parentPath + "/characteristic[" + position + "](" + type + ")";
        Optional<String> known = canonical(type, ALL_TYPES);
        if (known.isEmpty()) {
            warnings.add(new CodecWarning(path, "characteristic type " + type + " is not one of ProvCont 1.1's;"
                    + " a handset that does not know it ignores it"));
        } else {
            if (!known.get().equals(type)) {
                warnings.add(new CodecWarning(path, "characteristic type '" + type + "' is written " + known.get()
                        + " in ProvCont 1.1" + difference(type)));
            }
            if (!CHILDREN.getOrDefault(parent, Set.of()).contains(known.get())) {
                warnings.add(new CodecWarning(path, "ProvCont 1.1 does not allow " + known.get() + " "
                        + (parent.equals(ROOT) ? "at the top level" : "inside " + parent)));
            }
        }
        String scope = known.orElse(type);
        for (int i = 0; i < characteristic.parms().size(); i++) {
            check(characteristic.parms().get(i), scope, path + "/parm[" + (i + 1) + "]", warnings);
        }
        for (int i = 0; i < characteristic.characteristics().size(); i++) {
            check(characteristic.characteristics().get(i), scope, path, characteristic.parms().size() + i + 1, warnings);
        }
    }

    private static void check(Parm parm, String characteristic, String parmPath, List<CodecWarning> warnings) {
        String name = parm.name();
        String path = parmPath + "(" + name + ")";
        Optional<String> known = canonical(name, ALL_PARMS);
        Set<String> allowed = PARMS.get(characteristic);
        if (known.isPresent() && !known.get().equals(name)) {
            warnings.add(new CodecWarning(path, "parm '" + name + "' is written " + known.get()
                    + " in ProvCont 1.1" + difference(name)));
        }
        if (allowed != null && !OPEN.contains(characteristic)
                && (known.isEmpty() || !allowed.contains(known.get()))) {
            warnings.add(new CodecWarning(path, "ProvCont 1.1 defines no parm " + name + " in " + characteristic
                    + "; a handset that does not know it ignores it"));
        }
        Set<String> words = FIXED_VALUES.get(known.orElse(name));
        if (words == null || parm.value().isEmpty() || isSecret(name)) {
            return;
        }
        String value = parm.value().get();
        if (words.contains(value)) {
            return;
        }
        Optional<String> word = canonical(value, words);
        if (word.isPresent()) {
            warnings.add(new CodecWarning(path, "value '" + value + "' is written " + word.get() + " in ProvCont 1.1"
                    + difference(value)));
        }
    }

    private static String difference(String text) {
        return text.strip().equals(text) ? " (the case differs)" : " (white space around it)";
    }

    /** The spelling from {@code names} that equals {@code text} but for case and white space around it. */
    private static Optional<String> canonical(String text, Set<String> names) {
        if (names.contains(text)) {
            return Optional.of(text);
        }
        String stripped = text.strip();
        return names.stream().filter(name -> name.equalsIgnoreCase(stripped)).findFirst();
    }
}
