package org.mexe.studio.codec.wml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.InvalidDocumentException;
import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.testing.PeerTools;

/** WML 1.1 decks to WMLC: the tokens of WAP-191 clause 14.3, variables as extension tokens, strict about what WML lacks. */
class WmlTest {

    private static WbxmlElement deck(WbxmlElement... content) {
        return new WbxmlElement("wml", List.of(), List.of(new WbxmlElement("card", List.of(new WbxmlAttribute("id", "a")), List.of(content))));
    }

    @Test
    void aDeckEncodesTokenByToken() {
        byte[] wmlc = Wml.toWmlc(deck(new WbxmlElement("p", List.of(), List.of(), "Hi $(name)")));
        // 01 version 1.1, 04 WML 1.1, 6A UTF-8, 00 no string table; wml+content, card+attrs+content, id STR_I "a",
        // END, p+content, STR_I "Hi ", EXT_I_2 "name", END END END
        assertEquals("01046A00" + "7F" + "E7" + "55" + "036100" + "01" + "60" + "0348692000" + "426E616D6500" + "01" + "01" + "01",
                Hex.encode(wmlc));
    }

    @Test
    void libwbxmlReadsTheVariablesBack() {
        WbxmlElement go = new WbxmlElement("go", List.of(new WbxmlAttribute("href", "http://prov.example/x"), new WbxmlAttribute("method", "post")),
                List.of(new WbxmlElement("postfield", List.of(new WbxmlAttribute("name", "n"), new WbxmlAttribute("value", "$(n:e)")), List.of())));
        String xml = PeerTools.wbxml2xml(Wml.toWmlc(deck(new WbxmlElement("do", List.of(new WbxmlAttribute("type", "accept")), List.of(go)))), "WML11");
        assertTrue(xml.contains("href=\"http://prov.example/x\"") && xml.contains("method=\"post\""), xml);
        assertTrue(xml.matches("(?s).*value=\"\\$\\(n(:e|:escape)?\\)\".*"), xml);
    }

    @Test
    void whatWml11LacksIsRefusedByName() {
        var element = assertThrows(InvalidDocumentException.class, () -> Wml.toWmlc(deck(new WbxmlElement("div", List.of(), List.of()))));
        assertTrue(element.getMessage().contains("<div>"), element.getMessage());
        var attribute = assertThrows(InvalidDocumentException.class,
                () -> Wml.toWmlc(deck(new WbxmlElement("p", List.of(new WbxmlAttribute("style", "x")), List.of()))));
        assertTrue(attribute.getMessage().contains("style"), attribute.getMessage());
    }
}
