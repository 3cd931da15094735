package org.mexe.studio.generator.bootstrap;

import java.util.List;

/**
 * What one {@code run} stage asks of a bootstrap application, in the order the stage lists it:
 * the choices to offer, the fields to collect, the parameter sets for the phone and for the
 * (U)SIM, and the components to order with the URLs of their descriptors.
 */
public record BootstrapFlow(String name, List<String> choices, List<String> fields, List<String> phoneSettings, List<String> simUpdates,
        List<Component> components) {

    /** A component the flow orders: its name and where its JAD is (empty when no server hosts it). */
    public record Component(String name, String jadUrl) {
    }

    public BootstrapFlow {
        choices = List.copyOf(choices);
        fields = List.copyOf(fields);
        phoneSettings = List.copyOf(phoneSettings);
        simUpdates = List.copyOf(simUpdates);
        components = List.copyOf(components);
    }

    /** A flow with no actions: what a component runs, or a bootstrap that no scenario runs. */
    public static BootstrapFlow empty(String name) {
        return new BootstrapFlow(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
