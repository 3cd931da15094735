package org.mexe.studio.generator.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.LoadedInputs;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.ProvisioningModel;

/** .prov text written to files and loaded as the pipeline loads it, for tests that need the model. */
final class ProvSources {

    static final ProvisioningPipeline PIPELINE = ProvisioningPipeline.standalone();

    private final LoadedInputs inputs;

    private ProvSources(LoadedInputs inputs) {
        this.inputs = inputs;
    }

    /** Writes each text to its own file in {@code folder} (a.prov, b.prov, ...) and loads them all. */
    static ProvSources load(Path folder, String... texts) {
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < texts.length; i++) {
                files.add(Files.writeString(folder.resolve((char) ('a' + i) + ".prov"), texts[i]));
            }
            return new ProvSources(PIPELINE.load(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GenerationException e) {
            throw new AssertionError(e);
        }
    }

    LoadedInputs inputs() {
        return inputs;
    }

    /** The element of that simple name in any of the files. */
    <T extends Element> T element(String name, Class<T> type) {
        for (ProvisioningModel model : inputs.models()) {
            for (Element element : model.getElements()) {
                if (name.equals(element.getName()) && type.isInstance(element)) {
                    return type.cast(element);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " named " + name);
    }
}
