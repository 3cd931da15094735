package org.mexe.studio.it.consumer;

import java.io.InputStream;

/** Reads the provisioning artefacts packed into this bundle by the build. */
public final class Artefacts {

    private Artefacts() {
    }

    /** An artefact by its path in the generated output, e.g. {@code demo.operator.NewHandset/01-deliver-HomeNetwork/push.wsp}. */
    public static InputStream open(String path) {
        return Artefacts.class.getResourceAsStream("/provisioning/" + path);
    }
}
