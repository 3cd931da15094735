package org.mexe.studio.generator;

/**
 * One kind of artefact (SMS payloads, server content, server configurations, bootstrap
 * applications, SIM packets, trust exports, ...). The pipeline asks every contributor of
 * {@link ArtefactContributors#ALL} in turn; each adds the files of the model elements it owns to
 * the output and reports, for every stage it owns, what it produced or why it produced nothing.
 * Front doors print those reports and know no contributor.
 */
public interface ArtefactContributor {

    /**
     * Adds this kind's files to {@code output} (paths relative to the output folder) and reports
     * the stages it owns to {@code context}. Must be deterministic: the same model gives the same
     * bytes, except what {@link GenerationContext#random()} makes (generated PINs).
     */
    void contribute(GenerationContext context, AtomicOutput output) throws GenerationException;
}
