package org.mexe.studio.codec.push;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;

import org.mexe.studio.codec.wbxml.WbxmlLanguage;
import org.mexe.studio.codec.wbxml.WbxmlVersion;
import org.mexe.studio.codec.wsp.WspContentType;
import org.mexe.studio.codec.wsp.WspPush;

/**
 * The push documents besides OMA CP, with what their transport needs: the WBXML version senders
 * use (Kannel's SI and SL compilers write 1.2, Nokia OTA settings are 1.1: {@code 01 01 6A 00}),
 * the WSP content type and the WDP ports.
 */
public enum PushDocumentType {

    SI(PushLanguages.SI_1_0, "si", WbxmlVersion.V1_2,
            "<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\" \"http://www.wapforum.org/DTD/si.dtd\">",
            "application/vnd.wap.sic", OptionalInt.of(0x2E), 2948, 9200),
    SL(PushLanguages.SL_1_0, "sl", WbxmlVersion.V1_2,
            "<!DOCTYPE sl PUBLIC \"-//WAPFORUM//DTD SL 1.0//EN\" \"http://www.wapforum.org/DTD/sl.dtd\">",
            "application/vnd.wap.slc", OptionalInt.of(0x30), 2948, 9200),
    /** Browser settings and bookmarks; the content type is textual, with charset=UTF-8 ({@code 81 EA}). */
    NOKIA_OTA_SETTINGS(PushLanguages.NOKIA_OTA_SETTINGS, "CHARACTERISTIC-LIST", WbxmlVersion.V1_1,
            "<!DOCTYPE CHARACTERISTIC-LIST SYSTEM \"/DTD/characteristic_list.xml\">",
            "application/x-wap-prov.browser-settings", OptionalInt.empty(), 49999, 49154),
    /** Bookmarks alone: the same language under its own textual content type, as gammu sends them. */
    NOKIA_OTA_BOOKMARKS(PushLanguages.NOKIA_OTA_SETTINGS, "CHARACTERISTIC-LIST", WbxmlVersion.V1_1,
            "<!DOCTYPE CHARACTERISTIC-LIST SYSTEM \"/DTD/characteristic_list.xml\">",
            "application/x-wap-prov.browser-bookmarks", OptionalInt.empty(), 49999, 49154);

    /**
     * The root element's name, past the prolog, comments and DOCTYPE. The root, not the DOCTYPE's
     * name, says what a document is: Kannel's own bookmark sample declares CHARACTERISTIC_LIST.
     */
    private static final Pattern ROOT_NAME = Pattern.compile(
            "\\A\uFEFF?(?:\\s++|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*+(?:\\[[^\\]]*+\\])?\\s*+>)*+<([A-Za-z_][\\w.:-]*+)",
            Pattern.DOTALL);

    private final WbxmlLanguage language;
    private final String rootElement;
    private final WbxmlVersion version;
    private final String doctype;
    private final String contentType;
    private final OptionalInt wellKnownContentType;
    private final int destinationPort;
    private final int originatorPort;

    PushDocumentType(WbxmlLanguage language, String rootElement, WbxmlVersion version, String doctype,
            String contentType, OptionalInt wellKnownContentType, int destinationPort, int originatorPort) {
        this.language = language;
        this.rootElement = rootElement;
        this.version = version;
        this.doctype = doctype;
        this.contentType = contentType;
        this.wellKnownContentType = wellKnownContentType;
        this.destinationPort = destinationPort;
        this.originatorPort = originatorPort;
    }

    /**
     * The type an XML text declares by its root element; empty for any other document (e.g. OMA
     * CP's wap-provisioningdoc). Nokia OTA text is taken as browser settings.
     */
    public static Optional<PushDocumentType> recognise(String xml) {
        Matcher root = ROOT_NAME.matcher(xml);
        if (!root.lookingAt()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.rootElement.equals(root.group(1))).findFirst();
    }

    public WbxmlLanguage language() {
        return language;
    }

    public String rootElement() {
        return rootElement;
    }

    public WbxmlVersion version() {
        return version;
    }

    public String doctype() {
        return doctype;
    }

    public String contentType() {
        return contentType;
    }

    /** The WSP well-known content-type number (sent as {@code 0x80 | n}: SI AE, SL B0), if the type has one. */
    public OptionalInt wellKnownContentType() {
        return wellKnownContentType;
    }

    /** What the WSP push carries: the well-known number, or the text type with charset=UTF-8 ({@code 81 EA}). */
    public WspContentType wspContentType() {
        return wellKnownContentType.isPresent()
                ? new WspContentType.WellKnown(wellKnownContentType.getAsInt())
                : new WspContentType.Text(contentType, OptionalInt.of(WspContentType.Text.UTF_8));
    }

    /** SI and SL go to the WML user agent (X-Wap-Application-Id {@code AF 82}); Nokia OTA's port alone routes it. */
    public OptionalInt applicationId() {
        return wellKnownContentType.isPresent() ? OptionalInt.of(WspPush.WML_UA) : OptionalInt.empty();
    }

    /** The SMS port header: SI/SL 2948 from 9200, Nokia OTA 49999 from 49154. */
    public ApplicationPorts ports() {
        return new ApplicationPorts(destinationPort, originatorPort);
    }

    public int destinationPort() {
        return destinationPort;
    }

    public int originatorPort() {
        return originatorPort;
    }
}
