package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.server.ServerSettings;

import com.google.gson.JsonParser;

class ServerSettingsTest {

    @Test
    void generationOnSaveIsOffUnlessTheClientTurnsItOn() {
        assertEquals(new ServerSettings(false, "prov-gen"), ServerSettings.DEFAULTS);
        assertEquals(ServerSettings.DEFAULTS, ServerSettings.DEFAULTS.with(null));
        assertEquals(new ServerSettings(true, "prov-gen"), ServerSettings.DEFAULTS.with(JsonParser.parseString("{\"generateOnSave\": true}")));
    }

    @Test
    void settingsMayBeGroupedUnderProvAndWrongTypesAreIgnored() {
        assertEquals(new ServerSettings(true, "out"),
                ServerSettings.DEFAULTS.with(JsonParser.parseString("{\"prov\": {\"generateOnSave\": true, \"outputFolder\": \"out\"}}")));
        assertEquals(ServerSettings.DEFAULTS, ServerSettings.DEFAULTS.with(JsonParser.parseString("{\"generateOnSave\": \"yes\", \"outputFolder\": 3}")));
    }
}
