package org.mexe.studio.codec.push;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mexe.studio.codec.CodecWarning;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;

/**
 * What the SI 1.0, SL 1.0 and Nokia OTA Settings 7.0 DTDs allow, asked by decoders and encoders
 * alike: elements and attributes they do not declare, fixed words written in another case, Nokia
 * OTA characteristic types and parms the format does not know. Each is a warning; the document is
 * kept as it is, since a handset skips what it does not know. Secret values are never quoted.
 */
public final class PushContent {

    private record Rules(Map<String, Set<String>> attributes, Map<String, Set<String>> children,
            Map<String, Set<String>> words) {
    }

    private static final Rules SI = new Rules(
            Map.of("si", Set.of(), "indication", Set.of("href", "si-id", "created", "si-expires", "action", "class"),
                    "info", Set.of(), "item", Set.of("class")),
            Map.of("si", Set.of("indication", "info"), "info", Set.of("item")),
            Map.of("action", Set.of("signal-none", "signal-low", "signal-medium", "signal-high", "delete")));

    private static final Rules SL = new Rules(
            Map.of("sl", Set.of("href", "action")),
            Map.of(),
            Map.of("action", Set.of("execute-low", "execute-high", "cache")));

    private static final Rules NOKIA_OTA = new Rules(
            Map.of("CHARACTERISTIC-LIST", Set.of(), "CHARACTERISTIC", Set.of("TYPE", "VALUE"), "PARM", Set.of("NAME", "VALUE")),
            Map.of("CHARACTERISTIC-LIST", Set.of("CHARACTERISTIC"), "CHARACTERISTIC", Set.of("PARM")),
            Map.of("TYPE", Set.of("ADDRESS", "URL", "NAME", "BOOKMARK", "ID", "MMSURL")));

    /** Nokia OTA parm names (OTA Settings 7.0, the tokens libwbxml and Kannel know). */
    private static final Set<String> NOKIA_PARMS = Set.of("BEARER", "PROXY", "PORT", "NAME", "PROXY_TYPE", "URL",
            "PROXY_AUTHNAME", "PROXY_AUTHSECRET", "SMS_SMSC_ADDRESS", "USSD_SERVICE_CODE", "GPRS_ACCESSPOINTNAME",
            "PPP_LOGINTYPE", "PROXY_LOGINTYPE", "CSD_DIALSTRING", "PPP_AUTHTYPE", "PPP_AUTHNAME", "PPP_AUTHSECRET",
            "CSD_CALLTYPE", "CSD_CALLSPEED", "ISP_NAME");

    /** Nokia OTA parms whose values are fixed words. */
    private static final Map<String, Set<String>> NOKIA_WORDS = Map.of(
            "BEARER", Set.of("GSM/CSD", "GSM/SMS", "GSM/USSD", "IS-136/CSD", "GPRS"),
            "PPP_AUTHTYPE", Set.of("PAP", "CHAP", "MS_CHAP"),
            "PPP_LOGINTYPE", Set.of("AUTOMATIC", "MANUAL"),
            "PROXY_LOGINTYPE", Set.of("AUTOMATIC", "MANUAL"),
            "CSD_CALLTYPE", Set.of("ANALOGUE", "ISDN"),
            "PROXY_TYPE", Set.of("MSISDN_NO", "IPV4"));

    private static final Set<String> NOKIA_SECRETS = Set.of("PPP_AUTHSECRET", "PROXY_AUTHSECRET");

    private PushContent() {
    }

    /** Whether a Nokia OTA parm of this name carries a password. */
    public static boolean isSecret(String parmName) {
        return NOKIA_SECRETS.contains(parmName.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * A copy of a Nokia OTA document in which the VALUE of every secret PARM reads
     * {@link org.mexe.studio.codec.cp.ProvCont#MASK}; SI and SL carry no secrets and come back unchanged.
     */
    public static WbxmlElement masked(WbxmlElement element) {
        boolean secret = element.name().equalsIgnoreCase("PARM") && element.attribute("NAME").map(PushContent::isSecret).orElse(false);
        List<WbxmlAttribute> attributes = element.attributes().stream()
                .map(attribute -> secret && attribute.name().equals("VALUE")
                        ? new WbxmlAttribute("VALUE", org.mexe.studio.codec.cp.ProvCont.MASK) : attribute)
                .toList();
        return new WbxmlElement(element.name(), attributes, element.children().stream().map(PushContent::masked).toList(),
                element.text());
    }

    /** The VALUEs of a Nokia OTA document's secret PARMs: what {@link #masked} hides, for printouts of its bytes. */
    public static Set<String> secretValues(WbxmlElement element) {
        Set<String> values = new HashSet<>();
        collectSecretValues(element, values);
        return values;
    }

    private static void collectSecretValues(WbxmlElement element, Set<String> values) {
        if (element.name().equalsIgnoreCase("PARM") && element.attribute("NAME").map(PushContent::isSecret).orElse(false)) {
            element.attribute("VALUE").ifPresent(values::add);
        }
        element.children().forEach(child -> collectSecretValues(child, values));
    }

    public static List<CodecWarning> check(PushDocumentType type, WbxmlElement root) {
        Rules rules = switch (type) {
            case SI -> SI;
            case SL -> SL;
            case NOKIA_OTA_SETTINGS, NOKIA_OTA_BOOKMARKS -> NOKIA_OTA;
        };
        List<CodecWarning> warnings = new ArrayList<>();
        check(rules, type, root, "/" + root.name(), warnings);
        return List.copyOf(warnings);
    }

    private static void check(Rules rules, PushDocumentType type, WbxmlElement element, String path,
            List<CodecWarning> warnings) {
        Set<String> attributes = rules.attributes().get(element.name());
        String dtd = type.rootElement().equals("CHARACTERISTIC-LIST") ? "the OTA Settings 7.0 DTD" : "the " + type + " 1.0 DTD";
        for (WbxmlAttribute attribute : element.attributes()) {
            if (attributes != null && !attributes.contains(attribute.name())) {
                warnings.add(new CodecWarning(path, "attribute " + attribute.name() + " is not declared on " + element.name()
                        + " by " + dtd + "; a handset ignores it"));
            }
            Set<String> words = rules.words().get(attribute.name());
            if (words != null) {
                word(attribute.value(), words, attribute.name(), path, warnings, dtd);
            }
        }
        if (rules == NOKIA_OTA && element.name().equals("PARM")) {
            nokiaParm(element, path, warnings);
        }
        Set<String> allowed = rules.children().getOrDefault(element.name(), Set.of());
        for (int i = 0; i < element.children().size(); i++) {
            WbxmlElement child = element.children().get(i);
            String childPath = path + "/" + child.name() + "[" + (i + 1) + "]"
                    + child.attribute("TYPE").or(() -> child.attribute("NAME")).map(label -> "(" + label + ")").orElse("");
            if (!allowed.contains(child.name())) {
                warnings.add(new CodecWarning(childPath, "element " + child.name() + " is not allowed inside "
                        + element.name() + " by " + dtd + "; a handset ignores it"));
            }
            check(rules, type, child, childPath, warnings);
        }
    }

    private static void nokiaParm(WbxmlElement parm, String path, List<CodecWarning> warnings) {
        Optional<String> name = parm.attribute("NAME");
        if (name.isEmpty()) {
            warnings.add(new CodecWarning(path, "PARM without NAME: the OTA Settings 7.0 DTD requires it; a handset ignores it"));
            return;
        }
        Optional<String> known = NOKIA_PARMS.stream().filter(n -> n.equalsIgnoreCase(name.get().strip())).findFirst();
        if (known.isEmpty()) {
            warnings.add(new CodecWarning(path, "PARM " + name.get() + " is not one of OTA Settings 7.0's; a handset ignores it"));
            return;
        }
        if (!known.get().equals(name.get())) {
            warnings.add(new CodecWarning(path, "PARM " + name.get() + " is written " + known.get() + " in OTA Settings 7.0"));
        }
        Set<String> words = NOKIA_WORDS.get(known.get());
        Optional<String> value = parm.attribute("VALUE");
        if (words != null && value.isPresent() && !isSecret(known.get())) {
            word(value.get(), words, known.get(), path, warnings, "OTA Settings 7.0");
        }
    }

    private static void word(String value, Set<String> words, String attribute, String path, List<CodecWarning> warnings,
            String rule) {
        if (words.contains(value)) {
            return;
        }
        words.stream().filter(word -> word.equalsIgnoreCase(value.strip())).findFirst().ifPresent(word -> warnings.add(
                new CodecWarning(path, attribute + " '" + value + "' is written " + word + " by " + rule
                        + (value.strip().equals(value) ? " (the case differs)" : " (white space around it)"))));
    }
}
