package org.mexe.studio.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.Stage;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SigningIdentity;

/**
 * What every {@link ArtefactContributor} sees of one generation run: the validated inputs, where
 * secrets come from, the random source for generated PINs, the manifest's signer if any; and where
 * contributors put their findings, stage reports and delivery summaries.
 */
public final class GenerationContext {

    private final ProvisioningPipeline.LoadedInputs inputs;
    private final SecretResolver secrets;
    private final RandomGenerator random;
    private final Optional<SigningIdentity> signer;
    private final Optional<Path> otaCounters;
    private final List<Problem> warnings = new ArrayList<>();
    private final List<StageReport> stageReports = new ArrayList<>();
    private final List<DeliverySummary> deliveries = new ArrayList<>();

    public GenerationContext(ProvisioningPipeline.LoadedInputs inputs, SecretResolver secrets, RandomGenerator random,
            Optional<SigningIdentity> signer) {
        this(inputs, secrets, random, signer, Optional.empty());
    }

    /** With {@code otaCounters}, the folder of the SIM OTA counter store that SIM updates take their counters from. */
    public GenerationContext(ProvisioningPipeline.LoadedInputs inputs, SecretResolver secrets, RandomGenerator random,
            Optional<SigningIdentity> signer, Optional<Path> otaCounters) {
        this.inputs = inputs;
        this.secrets = secrets;
        this.random = random;
        this.signer = signer;
        this.otaCounters = otaCounters;
    }

    public ProvisioningPipeline.LoadedInputs inputs() {
        return inputs;
    }

    public List<ProvisioningModel> models() {
        return inputs.models();
    }

    public SecretResolver secrets() {
        return secrets;
    }

    public RandomGenerator random() {
        return random;
    }

    /** The identity that signs the artefact manifest, when the front door was given one. */
    public Optional<SigningIdentity> signer() {
        return signer;
    }

    /**
     * The SIM OTA counter store's folder, when the front door was given one: every SIM update
     * takes fresh counters from it, so without one no secured packet is made.
     */
    public Optional<Path> otaCounters() {
        return otaCounters;
    }

    /** The qualified name of a scenario as summaries show it: {@code namespace.Scenario}. */
    public static String scenarioName(Scenario scenario) {
        return ((ProvisioningModel) scenario.eContainer()).getName() + "." + scenario.getName();
    }

    /** The 1-based position of a stage in its scenario, as folder names and summaries use it. */
    public static int stageNumber(Stage stage) {
        return ((Scenario) stage.eContainer()).getStages().indexOf(stage) + 1;
    }

    public void warn(Problem warning) {
        warnings.add(warning);
    }

    public void report(Stage stage, String summary, List<String> files) {
        Scenario scenario = (Scenario) stage.eContainer();
        stageReports.add(new StageReport(scenarioName(scenario), stageNumber(stage), stage.eClass().getName(), summary, files));
    }

    public void addDelivery(DeliverySummary delivery) {
        deliveries.add(delivery);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    public List<DeliverySummary> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The reports in the order of the scenarios in the inputs and of their stages. */
    public List<StageReport> stageReports() {
        List<String> order = models().stream().flatMap(m -> m.getElements().stream()).filter(Scenario.class::isInstance)
                .map(s -> scenarioName((Scenario) s)).toList();
        return stageReports.stream().sorted(java.util.Comparator.comparingInt((StageReport r) -> order.indexOf(r.scenario()))
                .thenComparingInt(StageReport::stage)).toList();
    }

    /** True when some contributor reported this stage. */
    boolean reported(Scenario scenario, int stageNumber) {
        String name = scenarioName(scenario);
        return stageReports.stream().anyMatch(r -> r.scenario().equals(name) && r.stage() == stageNumber);
    }
}
