package org.mexe.studio.codec.wml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.AttributeStartToken;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wbxml.WbxmlLanguage;

/**
 * WML 1.1 (WAP-191) as text and as WMLC, the compiled form WAP 1.x browsers fetch
 * ({@code application/vnd.wap.wmlc}). Code page 0 of WML 1.1 is the table of WAP-191 clause 14.3,
 * as libwbxml's {@code sv_wml11_*} tables have it; checked by decoding with libwbxml's
 * {@code wbxml2xml} in the peer tests.
 * <p>
 * WML variables ({@code $(name)}, {@code $(name:e)}, ...) are not text: in WMLC they are the
 * extension tokens EXT_I_0 (escape), EXT_I_1 (unescape) and EXT_I_2 (no conversion) followed by
 * the variable's name (WAP-191 clause 14.1.1), which the browser substitutes. The generic WBXML
 * encoder has no such tokens, so WML has its own small encoder here: every string inline (no
 * string table), which is what WML compilers of WAP gateways do for short decks.
 */
public final class Wml {

    public static final int PUBLIC_ID_WML_1_1 = 0x04;
    public static final String DOCTYPE = "<!DOCTYPE wml PUBLIC \"-//WAPFORUM//DTD WML 1.1//EN\" \"http://www.wapforum.org/DTD/wml_1.1.xml\">";

    public static final WbxmlLanguage WML_1_1 = WbxmlLanguage.fromTable("WML 1.1", PUBLIC_ID_WML_1_1,
            "-//WAPFORUM//DTD WML 1.1//EN", Set.of(), """
            tag 0 1C a
            tag 0 1D td
            tag 0 1E tr
            tag 0 1F table
            tag 0 20 p
            tag 0 21 postfield
            tag 0 22 anchor
            tag 0 23 access
            tag 0 24 b
            tag 0 25 big
            tag 0 26 br
            tag 0 27 card
            tag 0 28 do
            tag 0 29 em
            tag 0 2A fieldset
            tag 0 2B go
            tag 0 2C head
            tag 0 2D i
            tag 0 2E img
            tag 0 2F input
            tag 0 30 meta
            tag 0 31 noop
            tag 0 32 prev
            tag 0 33 onevent
            tag 0 34 optgroup
            tag 0 35 option
            tag 0 36 refresh
            tag 0 37 select
            tag 0 38 small
            tag 0 39 strong
            tag 0 3B template
            tag 0 3C timer
            tag 0 3D u
            tag 0 3E setvar
            tag 0 3F wml
            text a
            text p
            text option
            text b
            text big
            text em
            text i
            text small
            text strong
            text u
            text anchor
            text td
            attr 0 05 accept-charset
            attr 0 52 align
            attr 0 06 align bottom
            attr 0 07 align center
            attr 0 08 align left
            attr 0 09 align middle
            attr 0 0A align right
            attr 0 0B align top
            attr 0 0C alt
            attr 0 54 class
            attr 0 53 columns
            attr 0 0D content
            attr-prefix 0 5C content application/vnd.wap.wmlc;charset=
            attr 0 0F domain
            attr 0 10 emptyok false
            attr 0 11 emptyok true
            attr 0 12 format
            attr 0 56 forua false
            attr 0 57 forua true
            attr 0 13 height
            attr 0 4A href
            attr-prefix 0 4B href http://
            attr-prefix 0 4C href https://
            attr 0 14 hspace
            attr 0 5A http-equiv
            attr 0 5B http-equiv Content-Type
            attr 0 5D http-equiv Expires
            attr 0 55 id
            attr 0 15 ivalue
            attr 0 16 iname
            attr 0 18 label
            attr 0 19 localsrc
            attr 0 1A maxlength
            attr 0 1B method get
            attr 0 1C method post
            attr 0 1D mode nowrap
            attr 0 1E mode wrap
            attr 0 1F multiple false
            attr 0 20 multiple true
            attr 0 21 name
            attr 0 22 newcontext false
            attr 0 23 newcontext true
            attr 0 24 onpick
            attr 0 25 onenterbackward
            attr 0 26 onenterforward
            attr 0 27 ontimer
            attr 0 28 optional false
            attr 0 29 optional true
            attr 0 2A path
            attr 0 2E scheme
            attr 0 2F sendreferer false
            attr 0 30 sendreferer true
            attr 0 31 size
            attr 0 32 src
            attr-prefix 0 58 src http://
            attr-prefix 0 59 src https://
            attr 0 33 ordered true
            attr 0 34 ordered false
            attr 0 35 tabindex
            attr 0 36 title
            attr 0 37 type
            attr 0 38 type accept
            attr 0 39 type delete
            attr 0 3A type help
            attr 0 3B type password
            attr 0 3C type onpick
            attr 0 3D type onenterbackward
            attr 0 3E type onenterforward
            attr 0 3F type ontimer
            attr 0 45 type options
            attr 0 46 type prev
            attr 0 47 type reset
            attr 0 48 type text
            attr 0 4D value
            attr 0 4E vspace
            attr 0 4F width
            attr 0 50 xml:lang
            """);

    private static final int END = 0x01;
    private static final int STR_I = 0x03;
    private static final int EXT_I_0 = 0x40;
    private static final int EXT_I_1 = 0x41;
    private static final int EXT_I_2 = 0x42;
    private static final int HAS_ATTRIBUTES = 0x80;
    private static final int HAS_CONTENT = 0x40;
    private static final int WBXML_1_1 = 0x01;
    private static final int UTF_8 = 106;

    /** {@code $(name)}, {@code $(name:e)}, {@code $(name:escape)}, ... and the bare {@code $name} form. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)(?::(e|escape|u|unesc|n|noesc))?\\)|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Wml() {
    }

    /** The deck as WML text, with the XML declaration and the WML 1.1 DOCTYPE. */
    public static String toXml(WbxmlElement deck) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DOCTYPE).append('\n');
        write(xml, deck, 0);
        return xml.toString();
    }

    private static void write(StringBuilder xml, WbxmlElement element, int depth) {
        xml.append("  ".repeat(depth)).append('<').append(element.name());
        for (WbxmlAttribute attribute : element.attributes()) {
            xml.append(' ').append(attribute.name()).append("=\"").append(escape(attribute.value(), true)).append('"');
        }
        if (element.children().isEmpty() && element.text().isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append('>');
        if (!element.text().isEmpty()) {
            xml.append(escape(element.text(), false)).append("</").append(element.name()).append(">\n");
            return;
        }
        xml.append('\n');
        element.children().forEach(child -> write(xml, child, depth + 1));
        xml.append("  ".repeat(depth)).append("</").append(element.name()).append(">\n");
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The deck as WMLC (WBXML 1.1, WML 1.1, UTF-8).
     *
     * @throws InvalidDocumentException for an element or attribute WML 1.1 does not have, naming it
     */
    public static byte[] toWmlc(WbxmlElement deck) {
        if (!deck.name().equals("wml")) {
            throw new InvalidDocumentException("<" + deck.name() + ">", "a WML deck's root is <wml>.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(WBXML_1_1);
        out.write(PUBLIC_ID_WML_1_1);
        out.write(UTF_8);
        out.write(0); // no string table
        element(out, deck);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, WbxmlElement element) {
        var tag = WML_1_1.tag(element.name()).orElseThrow(() -> new InvalidDocumentException(
                "<" + element.name() + ">", "not a WML 1.1 element (WAP-191 clause 14.3.2): use one of the deck elements."));
        boolean attributes = !element.attributes().isEmpty();
        boolean content = !element.children().isEmpty() || !element.text().isEmpty();
        requirePage0(tag.page());
        out.write(tag.code() | (attributes ? HAS_ATTRIBUTES : 0) | (content ? HAS_CONTENT : 0));
        if (attributes) {
            for (WbxmlAttribute attribute : element.attributes()) {
                attribute(out, element.name(), attribute);
            }
            out.write(END);
        }
        if (content) {
            text(out, element.text());
            element.children().forEach(child -> element(out, child));
            out.write(END);
        }
    }

    private static void attribute(ByteArrayOutputStream out, String element, WbxmlAttribute attribute) {
        String value = attribute.value();
        var whole = WML_1_1.attributeStart(attribute.name(), value);
        if (whole.isPresent()) {
            out.write(whole.get().code());
            return;
        }
        var prefix = WML_1_1.longestPrefixStart(attribute.name(), value);
        AttributeStartToken start = prefix.orElseGet(() -> WML_1_1.attributeStart(attribute.name(), "").orElseThrow(
                () -> new InvalidDocumentException("<" + element + " " + attribute.name() + ">",
                        "not a WML 1.1 attribute (WAP-191 clause 14.3.3).")));
        out.write(start.code());
        text(out, value.substring(start.valuePrefix() == null ? 0 : start.valuePrefix().length()));
    }

    /** Character data: inline strings, with each variable reference as its extension token. */
    private static void text(ByteArrayOutputStream out, String text) {
        Matcher matcher = VARIABLE.matcher(text);
        int at = 0;
        while (matcher.find()) {
            string(out, text.substring(at, matcher.start()));
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String conversion = matcher.group(2) == null ? "" : matcher.group(2);
            out.write(switch (conversion) {
                case "e", "escape" -> EXT_I_0;
                case "u", "unesc" -> EXT_I_1;
                default -> EXT_I_2;
            });
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            at = matcher.end();
        }
        string(out, text.substring(at));
    }

    private static void string(ByteArrayOutputStream out, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidDocumentException("WML text", "cannot contain NUL: WBXML strings end at one.");
        }
        out.write(STR_I);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    /** WML 1.1 has one code page, so SWITCH_PAGE is never written. */
    private static void requirePage0(int page) {
        if (page != 0) {
            throw new IllegalStateException("WML 1.1 has one code page; token on page " + page);
        }
    }

    /** The variable names a text refers to, for checks. */
    public static List<String> variables(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
        }
        return names;
    }
}
