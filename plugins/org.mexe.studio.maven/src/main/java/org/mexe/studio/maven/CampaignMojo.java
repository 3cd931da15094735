package org.mexe.studio.maven;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.Problem;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.campaign.CampaignException;
import org.mexe.studio.generator.campaign.CampaignPlan;
import org.mexe.studio.generator.campaign.CampaignPlanner;
import org.mexe.studio.generator.campaign.CampaignRun;
import org.mexe.studio.security.SecretResolver;

/**
 * Streams a subscriber file through a scenario's per-subscriber delivery into a campaign folder:
 * the Maven front door onto {@link CampaignRun}, the same bytes as {@code prov campaign}.
 */
@Mojo(name = "campaign", threadSafe = true)
public class CampaignMojo extends AbstractMojo {

    /** .prov files or folders that hold them. */
    @Parameter(defaultValue = "${project.basedir}/src/main/prov", required = true)
    private List<File> sources;

    /** The scenario whose delivery 'to subscribers' is streamed. */
    @Parameter(property = "prov.scenario", required = true)
    private String scenario;

    /** The stage, when the scenario delivers to subscribers in several. */
    @Parameter(property = "prov.stage")
    private Integer stage;

    /** The subscriber CSV. */
    @Parameter(property = "prov.subscribers", required = true)
    private File subscribers;

    /** The campaign folder: new or empty, or with resume one that a campaign wrote. */
    @Parameter(property = "prov.campaignDirectory", defaultValue = "${project.build.directory}/campaign", required = true)
    private File campaignDirectory;

    /** Where the PINs of 'pin generated' go (owner-only, outside the campaign folder). */
    @Parameter(property = "prov.userPins")
    private File userPins;

    /** Continue the campaign from its last checkpoint. */
    @Parameter(property = "prov.resume", defaultValue = "false")
    private boolean resume;

    /** Stop, generating nothing, when more rows than this are rejected. */
    @Parameter(property = "prov.maxRejects", defaultValue = "1000")
    private long maxRejects;

    /** Only the subscribers of shard i of n, written i/n. */
    @Parameter(property = "prov.shard")
    private String shard;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SecretResolver secrets = SecretResolver.fromProcessEnvironment();
        CampaignPlan plan;
        try {
            ProvisioningPipeline pipeline = ProvisioningPipeline.standalone();
            var loaded = pipeline.load(sources.stream().map(File::toPath).toList(), secrets);
            List<Problem> errors = pipeline.validate(loaded).stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                errors.forEach(p -> getLog().error(p.format()));
                throw new MojoFailureException("prov: " + errors.size() + " error(s) in the input: nothing was generated.");
            }
            plan = CampaignPlanner.plan(loaded, scenario, stage == null ? OptionalInt.empty() : OptionalInt.of(stage), secrets);
        } catch (GenerationException e) {
            e.problems().forEach(p -> getLog().error(p.format()));
            throw new MojoFailureException("prov: " + e.getMessage());
        }
        try {
            CampaignRun.Options options = CampaignRun.Options.of(subscribers.toPath(), campaignDirectory.toPath()).withResume(resume)
                    .withMaxRejects(maxRejects).withUserPins(Optional.ofNullable(userPins).map(File::toPath))
                    .withShard(shard == null ? CampaignRun.Shard.ALL : CampaignRun.Shard.parse(shard));
            CampaignRun.Summary summary = CampaignRun.run(plan, options);
            getLog().info("prov: campaign " + plan.scenario() + " stage " + plan.stage() + " in " + summary.folder() + ": "
                    + summary.subscribers() + " subscriber(s), " + summary.sms() + " SMS, " + summary.bytes() + " bytes, "
                    + summary.rejects() + " reject(s) " + summary.rejectReasons());
        } catch (CampaignRun.TooManyRejectsException e) {
            throw new MojoFailureException("prov: " + e.getMessage());
        } catch (CampaignException | IllegalArgumentException e) {
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
    }
}
