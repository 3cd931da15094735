package org.mexe.studio.generator;

import java.util.List;

/** The contributors the pipeline asks, in this order: a new kind of artefact is one more entry here. */
public final class ArtefactContributors {

    /** Bootstrap applications first: the server contributor reads what they put on the servers' document roots. */
    public static final List<ArtefactContributor> ALL = List.of(new BootstrapContributor(), new SmsPayloadContributor(),
            new org.mexe.studio.generator.server.ServerContributor(), new SimUpdateContributor());

    private ArtefactContributors() {
    }
}
