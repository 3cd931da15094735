package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.diagram.Diagram;
import org.mexe.studio.diagram.DiagramLayout;
import org.mexe.studio.diagram.LaidOutDiagram;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ReviewReport;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.testing.PeerTools;

/** The review report: laid out by ELK, self-contained, deterministic, free of secrets, and rendered by a real browser. */
class ReviewReportTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));

    @TempDir
    Path folder;

    private String report(Path output) throws Exception {
        var result = new ReviewReport(ProvisioningPipeline.standalone()).write(List.of(EXAMPLES), output, new SecretResolver(Map.of()),
                Optional.empty(), OutputFolder.Permission.ownOutputOnly("test"));
        assertEquals(0, result.errors());
        assertTrue(result.scenarios() >= 5, "the examples' scenarios");
        assertTrue(result.artefacts() > 10, "the examples' artefacts are listed");
        return Files.readString(output.resolve(ReviewReport.PAGE));
    }

    @Test
    void theReportOfTheExamplesIsDeterministicSelfContainedAndFreeOfSecrets() throws Exception {
        String page = report(folder.resolve("first"));
        report(folder.resolve("second"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("first").resolve(ReviewReport.PAGE)),
                Files.readAllBytes(folder.resolve("second").resolve(ReviewReport.PAGE)), "two runs, the same bytes");

        for (String scenario : List.of("demo.operator.NewHandset", "fjord.scenarios.NewSubscriber", "fjord.scenarios.LegacyHandset")) {
            assertTrue(page.contains(scenario), scenario);
        }
        // One diagram per scenario and the trust diagram, every one with boxes that ELK placed.
        int diagrams = count(page, "<svg ");
        assertTrue(diagrams >= 6, diagrams + " diagrams");
        assertTrue(page.contains("class=\"node stage\"") && page.contains("class=\"node domain\""), "stage and trust boxes");
        // Parameters with extends resolved say where each value comes from.
        assertTrue(page.contains("<h2 id=\"parameters\">") && page.contains(" → "), "a chain of extends is shown");

        // No script, nothing fetched from elsewhere, and every link lands on something in the page.
        assertFalse(page.contains("<script"), "no JavaScript");
        assertFalse(Pattern.compile("(src|href)=\"(?!#)").matcher(page).find(), "only links inside the page");
        Set<String> ids = new HashSet<>(all(page, " id=\"([^\"]+)\""));
        for (String target : all(page, "href=\"#([^\"]+)\"")) {
            assertTrue(ids.contains(target), "broken link #" + target);
        }

        assertTrue(page.contains("secret from file"), "secrets appear as their source");
    }

    @Test
    void secretsAppearOnlyAsWhereTheyAreReadFrom() throws Exception {
        // Test material only: a made-up PIN and password.
        String pin = "86420975";
        String password = "Tq9-report-only";
        Path source = folder.resolve("src/secret.prov");
        Files.createDirectories(source.getParent().resolve("secrets"));
        Files.writeString(source.getParent().resolve("secrets/pin.txt"), pin + "\n");
        Files.writeString(source, """
                namespace test.report

                parameters Home {
                	gprs { apn "internet.report.example" auth pap user "web" password env "REPORT_TEST_PASSWORD" }
                }

                scenario Setup {
                	deliver Home {
                		to "+447700900123"
                		security userpin
                		pin file "secrets/pin.txt"
                	}
                }
                """);
        new ReviewReport(ProvisioningPipeline.standalone()).write(List.of(source), folder.resolve("report"),
                new SecretResolver(Map.of("REPORT_TEST_PASSWORD", password)), Optional.empty(), OutputFolder.Permission.ownOutputOnly("test"));
        String page = Files.readString(folder.resolve("report").resolve(ReviewReport.PAGE));
        assertFalse(page.contains(pin), "the PIN leaked");
        assertFalse(page.contains(password), "the password leaked");
        assertTrue(page.contains("secret from env &quot;REPORT_TEST_PASSWORD&quot;"), "the password's source is shown");
        assertTrue(page.contains("push.wsp"), "the artefacts are listed");
    }

    @Test
    void theReportNeverReplacesAFolderOfTheUsersOrOfItsSources() throws Exception {
        Path mine = Files.createDirectories(folder.resolve("mine"));
        Path letter = Files.writeString(mine.resolve("letter.txt"), "not the tool's");
        var report = new ReviewReport(ProvisioningPipeline.standalone());
        GenerationException foreign = org.junit.jupiter.api.Assertions.assertThrows(GenerationException.class, () -> report.write(
                List.of(EXAMPLES), mine, new SecretResolver(Map.of()), Optional.empty(), OutputFolder.Permission.ownOutputOnly("test")));
        assertTrue(foreign.getMessage().contains("letter.txt"), foreign.getMessage());
        assertEquals("not the tool's", Files.readString(letter));
        assertFalse(Files.exists(mine.resolve(ReviewReport.PAGE)));

        // The sources' folder is never replaced, whatever the permission.
        Path sources = Files.createDirectories(folder.resolve("sources"));
        Path source = Files.writeString(sources.resolve("one.prov"), "namespace test.one\n\nparameters Home {\n\tgprs { apn \"a.example\" }\n}\n");
        org.junit.jupiter.api.Assertions.assertThrows(GenerationException.class, () -> report.write(List.of(source), sources,
                new SecretResolver(Map.of()), Optional.empty(), OutputFolder.Permission.alsoForeign()));
        assertTrue(Files.exists(source), "the source survives");
    }

    @Test
    void chromiumRendersTheReportWithoutConsoleMessages() throws Exception {
        report(folder.resolve("report"));
        Path screenshot = folder.resolve("report.png");
        List<String> console = PeerTools.chromiumRender(folder.resolve("report").resolve(ReviewReport.PAGE), screenshot, 1280, 2400);
        assertEquals(List.of(), console, "the page logged to the console");
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue(png.length > 10_000, "a screenshot with content, " + png.length + " bytes");
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void elkPlacesAChainLeftToRightWithoutOverlaps() {
        Diagram diagram = new Diagram("chain", List.of(
                new Diagram.Node("a", Diagram.Kind.STAGE, "1. request", List.of("to 2020"), null),
                new Diagram.Node("b", Diagram.Kind.STAGE, "2. deliver Home", List.of("3 SMS", "security userpin"), null),
                new Diagram.Node("c", Diagram.Kind.STAGE, "3. connect", List.of(), null),
                new Diagram.Node("s", Diagram.Kind.SERVER, "Prov", List.of("http://prov.example/"), null)),
                List.of(new Diagram.Edge("a", "b", ""), new Diagram.Edge("b", "c", ""), new Diagram.Edge("c", "s", "connects to")));
        LaidOutDiagram laidOut = DiagramLayout.layout(diagram, true);
        var a = laidOut.boxes().get("a");
        var b = laidOut.boxes().get("b");
        var c = laidOut.boxes().get("c");
        // In reading order: left to right within a row, and a long chain wraps into later rows.
        assertTrue(readsBefore(a, b) && readsBefore(b, c), "in reading order: " + laidOut.boxes());
        var boxes = List.copyOf(laidOut.boxes().values());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                var p = boxes.get(i);
                var q = boxes.get(j);
                boolean apart = p.x() + p.width() <= q.x() || q.x() + q.width() <= p.x() || p.y() + p.height() <= q.y()
                        || q.y() + q.height() <= p.y();
                assertTrue(apart, p + " overlaps " + q);
            }
        }
        // Each arrow starts on its source box and ends on its target box.
        for (LaidOutDiagram.Route route : laidOut.routes()) {
            double[] start = route.points().get(0);
            double[] end = route.points().get(route.points().size() - 1);
            assertTrue(touches(laidOut.boxes().get(route.edge().from()), start), route.edge() + " starts off its box");
            assertTrue(touches(laidOut.boxes().get(route.edge().to()), end), route.edge() + " ends off its box");
        }
        for (var box : boxes) {
            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= laidOut.width()
                    && box.y() + box.height() <= laidOut.height(), box + " lies outside the drawing");
        }
    }

    private static boolean readsBefore(LaidOutDiagram.Box first, LaidOutDiagram.Box second) {
        boolean sameRow = first.y() < second.y() + second.height() && second.y() < first.y() + first.height();
        return sameRow ? first.x() + first.width() <= second.x() : first.y() + first.height() <= second.y();
    }

    private static boolean touches(LaidOutDiagram.Box box, double[] point) {
        double slack = 1.0;
        return point[0] >= box.x() - slack && point[0] <= box.x() + box.width() + slack && point[1] >= box.y() - slack
                && point[1] <= box.y() + box.height() + slack;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<String> all(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
