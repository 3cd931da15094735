package org.mexe.studio.dsl.ide.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The language server's settings, from the client's initialization options or its
 * {@code workspace/didChangeConfiguration}: {@code {"generateOnSave": true, "outputFolder": "prov-gen"}},
 * also accepted inside a {@code "prov"} object (how VS Code and Neovim group settings by server).
 */
public record ServerSettings(boolean generateOnSave, String outputFolder) {

    public static final String DEFAULT_OUTPUT = "prov-gen";
    public static final ServerSettings DEFAULTS = new ServerSettings(false, DEFAULT_OUTPUT);

    /** These settings with what {@code json} (a Gson tree, as LSP4J passes it) changes; anything else is ignored. */
    public ServerSettings with(Object json) {
        if (!(json instanceof JsonObject object)) {
            return this;
        }
        if (object.get("prov") instanceof JsonObject nested) {
            object = nested;
        }
        boolean generate = generateOnSave;
        String output = outputFolder;
        JsonElement flag = object.get("generateOnSave");
        if (flag != null && flag.isJsonPrimitive() && flag.getAsJsonPrimitive().isBoolean()) {
            generate = flag.getAsBoolean();
        }
        JsonElement folder = object.get("outputFolder");
        if (folder != null && folder.isJsonPrimitive() && folder.getAsJsonPrimitive().isString() && !folder.getAsString().isBlank()) {
            output = folder.getAsString();
        }
        return new ServerSettings(generate, output);
    }
}
