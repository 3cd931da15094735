package org.mexe.studio.maven;

import java.io.File;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.OutputFolder;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ReviewReport;
import org.mexe.studio.security.SecretResolver;

/**
 * Writes the review report of the project's .prov files ({@link ReviewReport}): the Maven front door
 * onto the same code as {@code prov report}. Findings are shown in the report, not a build failure;
 * {@code generate} is the goal that fails a build on errors.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /** .prov files or folders that hold them. */
    @Parameter(defaultValue = "${project.basedir}/src/main/prov", required = true)
    private List<File> sources;

    /** The report's folder (index.html); replaced as a whole. */
    @Parameter(defaultValue = "${project.build.directory}/prov-report", required = true)
    private File outputDirectory;

    /** Replace a report folder that holds files this tool did not write (they are lost). */
    @Parameter(property = "prov.overwriteForeignOutput", defaultValue = "false")
    private boolean overwriteForeignOutput;

    /** Skips the report. */
    @Parameter(property = "prov.report.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("prov: report skipped");
            return;
        }
        try {
            ReviewReport.Result result = new ReviewReport(ProvisioningPipeline.standalone()).write(
                    sources.stream().map(File::toPath).toList(), outputDirectory.toPath(), SecretResolver.fromProcessEnvironment(),
                    Optional.empty(), overwriteForeignOutput ? OutputFolder.Permission.alsoForeign()
                            : OutputFolder.Permission.ownOutputOnly("set <overwriteForeignOutput>true</overwriteForeignOutput> (or"
                                    + " -Dprov.overwriteForeignOutput=true) to replace it and lose what it holds"));
            getLog().info("prov: wrote the review report " + result.outputDir().resolve(ReviewReport.PAGE) + ": " + result.scenarios()
                    + " scenario(s), " + result.findings() + " finding(s) (" + result.errors() + " error(s)), " + result.artefacts()
                    + " artefact(s) listed");
        } catch (GenerationException e) {
            e.problems().forEach(p -> getLog().error(p.format()));
            throw new MojoExecutionException("prov: " + e.getMessage(), e);
        }
    }
}
