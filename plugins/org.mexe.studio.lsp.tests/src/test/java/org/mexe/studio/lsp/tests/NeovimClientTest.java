package org.mexe.studio.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code prov lsp}, as assembled for {@code ./prov}, driven by a real editor: Neovim's built-in LSP
 * client, headless, on a copy of the examples. One session runs every step (client.lua applies
 * edits and writes the files, as a user's editor would); each test judges one answer. Neovim
 * missing fails the tests when CI=true and skips them elsewhere.
 */
class NeovimClientTest {

    /** Every step of the session, by name: the server's answer ("result") or error. */
    private static final Map<String, JsonObject> STEPS = new LinkedHashMap<>();
    private static JsonObject session;
    private static Path workspace;
    private static String traceAndLogs;
    private static final String ORIGINAL_HANDSET_FILE_KEY = "original";
    private static final Map<String, String> ORIGINALS = new LinkedHashMap<>();

    /** A secret the server can read (the demo keystore's password, from its file); it must never come back. */
    private static String keystorePassword;
    private static String accessPassword;

    @TempDir
    static Path temp;

    private static final String BROKEN = """
            namespace fjord.broken

            import fjord.settings.*

            parameters Spare {
            	gprs {
            		apn "spare.fjord-mobile.example"
            	}
            }

            scenario Broken {
            	deliver Nationl {
            		security none
            		to "+447700900123"
            	}
            }
            """;

    @BeforeAll
    static void runTheSession() throws Exception {
        Path nvim = requireNeovim();
        Path lib = Path.of(System.getProperty("prov.lib", "../org.mexe.studio.cli.dist/target/lib")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(lib), "the CLI distribution is not assembled: " + lib);
        workspace = temp.resolve("examples");
        copy(Path.of(System.getProperty("prov.examples", "../../examples")).toAbsolutePath().normalize(), workspace);
        keystorePassword = Files.readString(workspace.resolve("demo-secrets/DEMO-ONLY-operator-certificates-password.txt")).strip();
        accessPassword = Files.readString(workspace.resolve("demo-secrets/DEMO-ONLY-access-password.txt")).strip();

        Path broken = workspace.resolve("brief/scenarios/broken.prov");
        Files.writeString(broken, BROKEN);
        Path national = workspace.resolve("brief/parameters/national.prov");
        Path regions = workspace.resolve("brief/parameters/regions.prov");
        Path newSubscriber = workspace.resolve("brief/scenarios/new-subscriber.prov");
        Path handset = workspace.resolve("demo-operator/new-handset.prov");
        ORIGINALS.put(ORIGINAL_HANDSET_FILE_KEY, Files.readString(handset));
        // Out of layout: no indentation, doubled spaces, no blank lines.
        Files.writeString(handset, ORIGINALS.get(ORIGINAL_HANDSET_FILE_KEY).replace("\t", "").replace(" {", "  {").replace("\n\n", "\n"));

        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("diagnostics", broken, "diagnostics", null, null));
        steps.add(step("codeAction", broken, "textDocument/codeAction",
                Map.of("range", Map.of("start", position(broken, "Nationl", 0), "end", position(broken, "Nationl", 7))), null));
        steps.add(step("completion", broken, "textDocument/completion", Map.of("position", position(broken, "Nationl", 0)), null));
        steps.add(step("hoverSet", newSubscriber, "textDocument/hover", Map.of("position", position(newSubscriber, "deliver National", 9)), null));
        steps.add(step("hoverDeliver", newSubscriber, "textDocument/hover", Map.of("position", position(newSubscriber, "deliver National", 2)), null));
        steps.add(step("hoverKeyword", regions, "textDocument/hover", Map.of("position", position(regions, "extends", 1)), null));
        steps.add(step("definition", newSubscriber, "textDocument/definition", Map.of("position", position(newSubscriber, "deliver National", 10)), null));
        steps.add(step("references", national, "textDocument/references",
                Map.of("position", position(national, "parameters National", 12), "context", Map.of("includeDeclaration", false)), null));
        steps.add(step("highlight", regions, "textDocument/documentHighlight", Map.of("position", position(regions, "extends National", 9)), null));
        steps.add(step("symbols", national, "textDocument/documentSymbol", Map.of(), null));
        steps.add(step("folding", national, "textDocument/foldingRange", Map.of(), null));
        steps.add(step("semanticTokens", national, "textDocument/semanticTokens/full", Map.of(), null));
        steps.add(step("formatting", handset, "textDocument/formatting", Map.of("options", Map.of("tabSize", 4, "insertSpaces", false)), "textEdits"));
        steps.add(step("rename", national, "textDocument/rename",
                Map.of("position", position(national, "parameters National", 12), "newName", "Nationwide"), "workspaceEdit"));

        Path trace = temp.resolve("lsp-trace.log");
        Path stderr = temp.resolve("lsp-stderr.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String server = "exec " + quote(java) + " --sun-misc-unsafe-memory-access=allow -cp " + quote(lib + File.separator + "*")
                + " org.mexe.studio.cli.Prov lsp --trace " + quote(trace.toString()) + " 2>" + quote(stderr.toString());
        Path result = temp.resolve("result.json");
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cmd", List.of("sh", "-c", server));
        plan.put("root", workspace.toString());
        plan.put("timeout", 120_000);
        plan.put("result", result.toString());
        plan.put("steps", steps);
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        Path planFile = temp.resolve("plan.json");
        Files.writeString(planFile, gson.toJson(plan));
        Path client = temp.resolve("client.lua");
        try (InputStream lua = NeovimClientTest.class.getResourceAsStream("client.lua")) {
            Files.copy(lua, client);
        }

        ProcessBuilder builder = new ProcessBuilder(nvim.toString(), "--headless", "--clean", "-u", "NONE", "-c", "luafile " + client)
                .directory(workspace.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(temp.resolve("nvim.out").toFile())
                .redirectError(temp.resolve("nvim.err").toFile());
        builder.environment().put("PROV_LSP_PLAN", planFile.toString());
        // Neovim's own log (with the server's messages) stays in the test's folder.
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        builder.environment().put("XDG_STATE_HOME", temp.resolve("state").toString());
        builder.environment().put("XDG_DATA_HOME", temp.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", temp.resolve("config").toString());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("Neovim did not finish within 10 minutes; its output: " + Files.readString(temp.resolve("nvim.err")));
        }
        assertTrue(Files.exists(result), () -> "Neovim wrote no result (exit " + process.exitValue() + "): " + read(temp.resolve("nvim.err"))
                + read(stderr));
        session = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertTrue(session.get("ok").getAsBoolean(), () -> "the Neovim session failed: " + session.get("failure") + "\nserver: " + read(stderr));
        for (JsonElement done : session.getAsJsonArray("steps")) {
            STEPS.put(done.getAsJsonObject().get("name").getAsString(), done.getAsJsonObject());
        }
        StringBuilder logs = new StringBuilder(read(trace)).append(read(stderr));
        try (Stream<Path> files = Files.walk(temp.resolve("cache")).filter(Files::isRegularFile)) {
            for (Path file : files.toList()) {
                logs.append(read(file));
            }
        } catch (IOException e) {
            // no Neovim log written
        }
        traceAndLogs = logs.toString();
    }

    @Test
    void brokenFileGetsDiagnosticsWithTheLanguagesIssueCodes() {
        JsonArray diagnostics = result("diagnostics").getAsJsonArray();
        List<String> codes = new ArrayList<>();
        diagnostics.forEach(d -> codes.add(d.getAsJsonObject().get("code").getAsString()));
        assertTrue(codes.contains("org.eclipse.xtext.diagnostics.Diagnostic.Linking"), codes::toString);
        assertTrue(codes.contains("org.mexe.studio.dsl.unusedParameterSet"), codes::toString);
        JsonObject linking = find(diagnostics, d -> d.get("code").getAsString().endsWith("Linking"));
        assertEquals(11, linking.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), linking::toString);
    }

    @Test
    void quickFixesCorrectTheSpellingAndRemoveTheUnusedSet() {
        List<String> titles = new ArrayList<>();
        result("codeAction").getAsJsonArray().forEach(a -> titles.add(a.getAsJsonObject().get("title").getAsString()));
        assertTrue(titles.contains("Change to 'National'"), titles::toString);
        assertTrue(titles.contains("Remove the unused parameter set 'Spare'"), titles::toString);
    }

    @Test
    void completionOffersTheParameterSetsOfOtherFiles() {
        JsonElement completion = result("completion");
        JsonArray items = completion.isJsonArray() ? completion.getAsJsonArray() : completion.getAsJsonObject().getAsJsonArray("items");
        List<String> labels = new ArrayList<>();
        items.forEach(i -> labels.add(i.getAsJsonObject().get("label").getAsString()));
        assertTrue(labels.contains("National"), labels::toString);
        assertTrue(labels.contains("WapAccess"), labels::toString);
    }

    @Test
    void hoverOnAReferenceShowsTheEffectiveValuesWithExtendsResolved() {
        String hover = hoverText("hoverSet");
        assertTrue(hover.contains("`fjord.settings.National` extends `fjord.settings.WapAccess`"), hover);
        assertTrue(hover.contains("| parameter | effective value | from |"), hover);
        // A value National inherits from WapAccess, and one it gives itself.
        assertTrue(hover.lines().anyMatch(line -> line.startsWith("| gprs apn ") && line.endsWith("| WapAccess |")), hover);
        assertTrue(hover.lines().anyMatch(line -> line.startsWith("| gprs dns ") && line.endsWith("| National |")), hover);
        assertTrue(hover.contains("(secret, not shown)"), hover);
    }

    @Test
    void hoverOnDeliverShowsThePayloadAgainstTheHandsetLimits() {
        String hover = hoverText("hoverDeliver");
        assertTrue(hover.contains("**payload**: "), hover);
        assertTrue(hover.contains("`KestrelK7` takes"), hover);
        assertTrue(hover.contains("`AuroraA2` takes"), hover);
    }

    @Test
    void hoverOnAKeywordSaysWhatItMeans() {
        assertTrue(hoverText("hoverKeyword").startsWith("**extends**: "), hoverText("hoverKeyword"));
    }

    @Test
    void definitionJumpsToTheDeclarationInAnotherFile() {
        JsonElement definition = result("definition");
        JsonObject location = definition.isJsonArray() ? definition.getAsJsonArray().get(0).getAsJsonObject() : definition.getAsJsonObject();
        assertTrue(location.get("uri").getAsString().endsWith("/brief/parameters/national.prov"), location::toString);
        assertEquals(39, location.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), location::toString);
    }

    @Test
    void referencesAreFoundInEveryFile() {
        List<String> files = new ArrayList<>();
        result("references").getAsJsonArray().forEach(r -> files.add(r.getAsJsonObject().get("uri").getAsString().replaceAll(".*/", "")));
        assertTrue(files.containsAll(List.of("regions.prov", "new-subscriber.prov")), files::toString);
    }

    @Test
    void occurrencesAreTheReferencesNotTheWord() {
        // regions.prov refers to National twice; its comments speak of "the national set" in words.
        JsonArray highlights = result("highlight").getAsJsonArray();
        assertEquals(2, highlights.size(), highlights::toString);
    }

    @Test
    void documentSymbolsOutlineTheFile() {
        List<String> names = new ArrayList<>();
        collectNames(result("symbols").getAsJsonArray(), names);
        assertTrue(names.containsAll(List.of("fjord.settings.National", "fjord.settings.WapAccess")) || names.containsAll(List.of("National", "WapAccess")),
                names::toString);
    }

    @Test
    void blocksFold() {
        assertTrue(result("folding").getAsJsonArray().size() >= 5, () -> result("folding").toString());
    }

    @Test
    void semanticTokensTellDeclarationsReferencesAndSecretsApart() {
        JsonObject legend = session.getAsJsonObject("capabilities").getAsJsonObject("semanticTokensProvider").getAsJsonObject("legend");
        List<String> modifiers = new ArrayList<>();
        legend.getAsJsonArray("tokenModifiers").forEach(m -> modifiers.add(m.getAsString()));
        List<String> types = new ArrayList<>();
        legend.getAsJsonArray("tokenTypes").forEach(t -> types.add(t.getAsString()));
        int declaration = 1 << modifiers.indexOf("declaration");
        int secret = 1 << modifiers.indexOf("secret");
        JsonArray data = result("semanticTokens").getAsJsonObject().getAsJsonArray("data");
        assertEquals(0, data.size() % 5);
        List<String> national = Arrays.asList(ORIGINAL_NATIONAL_LINES.get());
        boolean declared = false;
        boolean referenced = false;
        boolean secretSeen = false;
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.size(); i += 5) {
            int deltaLine = data.get(i).getAsInt();
            character = deltaLine == 0 ? character + data.get(i + 1).getAsInt() : data.get(i + 1).getAsInt();
            line += deltaLine;
            String text = national.get(line).substring(character, character + data.get(i + 2).getAsInt());
            String type = types.get(data.get(i + 3).getAsInt());
            int mods = data.get(i + 4).getAsInt();
            declared |= text.equals("National") && type.equals("variable") && (mods & declaration) != 0;
            referenced |= text.equals("WapAccess") && type.equals("variable") && (mods & declaration) == 0 && line == 39;
            secretSeen |= text.endsWith("DEMO-ONLY-access-password.txt\"") && (mods & secret) != 0;
        }
        assertTrue(declared, "no declaration token for National");
        assertTrue(referenced, "no reference token for WapAccess in 'extends WapAccess'");
        assertTrue(secretSeen, "no secret token for the access password's file");
    }

    /** national.prov as copied, before the rename step changes it. */
    private static final java.util.function.Supplier<String[]> ORIGINAL_NATIONAL_LINES = () -> {
        try {
            return Files.readString(Path.of(System.getProperty("prov.examples", "../../examples"), "brief/parameters/national.prov")).split("\n", -1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    @Test
    void formattingGivesTheCanonicalLayout() throws IOException {
        assertNotNull(result("formatting"));
        assertEquals(ORIGINALS.get(ORIGINAL_HANDSET_FILE_KEY), Files.readString(workspace.resolve("demo-operator/new-handset.prov")));
    }

    @Test
    void renameChangesTheDeclarationAndEveryFileThatUsesIt() throws IOException {
        String national = Files.readString(workspace.resolve("brief/parameters/national.prov"));
        String regions = Files.readString(workspace.resolve("brief/parameters/regions.prov"));
        String scenario = Files.readString(workspace.resolve("brief/scenarios/new-subscriber.prov"));
        assertTrue(national.contains("parameters Nationwide extends WapAccess {"), national);
        assertTrue(regions.contains("parameters North extends Nationwide {") && regions.contains("parameters Capital extends Nationwide {"), regions);
        assertTrue(scenario.contains("deliver Nationwide {"), scenario);
        assertFalse(regions.matches("(?s).*\\bNational\\b.*"), regions);
    }

    @Test
    void theServerExitsCleanlyAndNeverWritesASecret() {
        assertEquals(0, session.getAsJsonObject("exit").get("code").getAsInt(), () -> session.get("exit").toString());
        assertFalse(traceAndLogs.isEmpty(), "the trace is empty: the check below would prove nothing");
        assertTrue(traceAndLogs.contains("textDocument/hover"), "the trace does not hold the session");
        assertFalse(traceAndLogs.contains(keystorePassword), "the keystore password is in the trace or a log");
        assertFalse(traceAndLogs.contains(accessPassword), "the access point password is in the trace or a log");
        assertFalse(session.toString().contains(accessPassword), "the access point password reached the client");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Path requireNeovim() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "nvim"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> {
                    String message = "nvim is not on PATH; install the Debian package neovim";
                    if ("true".equals(System.getenv("CI"))) {
                        fail(message + " (CI=true: the editor test must run)");
                    }
                    return Assumptions.abort(message);
                });
    }

    private static Map<String, Object> step(String name, Path file, String method, Map<String, Object> params, String apply) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("file", file.toString());
        step.put("kind", method.equals("diagnostics") ? "diagnostics" : "request");
        step.put("method", method);
        if (params != null) {
            step.put("params", params);
        }
        if (apply != null) {
            step.put("apply", apply);
        }
        return step;
    }

    /** The LSP position of {@code needle}'s character {@code index} in {@code file} (ASCII text: characters are UTF-16 units). */
    private static Map<String, Integer> position(Path file, String needle, int index) throws IOException {
        String text = Files.readString(file);
        int offset = text.indexOf(needle);
        assertTrue(offset >= 0, needle + " is not in " + file);
        offset += index;
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
        return Map.of("line", line, "character", character);
    }

    private static JsonElement result(String step) {
        JsonObject done = STEPS.get(step);
        assertNotNull(done, "the session has no step " + step);
        assertFalse(done.has("error"), () -> step + " failed on the server: " + done.get("error"));
        assertTrue(done.has("result") && !done.get("result").isJsonNull(), () -> step + " has no result: " + done);
        return done.get("result");
    }

    private static String hoverText(String step) {
        JsonElement contents = result(step).getAsJsonObject().get("contents");
        return contents.isJsonObject() ? contents.getAsJsonObject().get("value").getAsString() : contents.toString();
    }

    private static JsonObject find(JsonArray array, java.util.function.Predicate<JsonObject> test) {
        for (JsonElement element : array) {
            if (test.test(element.getAsJsonObject())) {
                return element.getAsJsonObject();
            }
        }
        fail("none of " + array + " matches");
        return null;
    }

    private static void collectNames(JsonArray symbols, List<String> names) {
        for (JsonElement symbol : symbols) {
            names.add(symbol.getAsJsonObject().get("name").getAsString());
            if (symbol.getAsJsonObject().has("children")) {
                collectNames(symbol.getAsJsonObject().getAsJsonArray("children"), names);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
