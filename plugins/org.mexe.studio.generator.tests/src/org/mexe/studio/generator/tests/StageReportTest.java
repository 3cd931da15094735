package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.generator.GenerationContext;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.StageReport;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.security.SecretResolver;

/** Every stage of every scenario is named in the generation summary: nothing is skipped without a word. */
class StageReportTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("prov.examples", "../../examples"));

    @TempDir
    Path out;

    @Test
    void everyStageOfTheExamplesHasAReport() throws Exception {
        ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
        var loaded = pipeline.load(List.of(EXAMPLES), new SecretResolver(Map.of()));
        var result = pipeline.generate(loaded, out, new SecretResolver(Map.of()));
        List<StageReport> reports = result.stages();
        int stages = 0;
        for (var model : loaded.models()) {
            for (var element : model.getElements()) {
                if (element instanceof Scenario scenario) {
                    String name = GenerationContext.scenarioName(scenario);
                    for (int stage = 1; stage <= scenario.getStages().size(); stage++) {
                        stages++;
                        int number = stage;
                        assertTrue(reports.stream().anyMatch(r -> r.scenario().equals(name) && r.stage() == number),
                                name + " stage " + number + " has no report");
                    }
                }
            }
        }
        assertTrue(stages > 10, "the examples have scenarios with several stages");
        for (StageReport report : reports) {
            assertFalse(report.summary().isBlank(), report.toString());
            assertEquals(report.written().size() + 1, report.lines().size());
        }
        // Delivery messages list their folder with the files written in it.
        assertEquals(result.deliveries().size(), reports.stream().filter(r -> r.kind().equals("ParameterDelivery")).count());
    }
}
