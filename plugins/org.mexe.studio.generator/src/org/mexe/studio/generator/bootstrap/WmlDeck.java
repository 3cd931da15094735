package org.mexe.studio.generator.bootstrap;

import java.util.ArrayList;
import java.util.List;

import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.codec.wml.Wml;

/**
 * The classmark 1 (WAP) form of a bootstrap application: a WML 1.1 deck with the flow of one
 * {@code run} stage (a select for the choices, an input per field, a POST of the answers with the
 * parameter sets the server is to send, and links to the components' JADs, which a phone with
 * MIDP hands to its installer), as text and compiled to WMLC.
 */
public final class WmlDeck {

    /** The deck's text and its WMLC. */
    public record Deck(String wml, byte[] wmlc) {
    }

    private WmlDeck() {
    }

    /**
     * @param midletJadUrl the JAD of the application's own MIDlet, offered as a link for handsets
     *                     that also have classmark 3; empty for none
     * @param statusUrl    where the answers are posted; empty when no server hosts the application
     */
    public static Deck generate(String application, String kind, BootstrapFlow flow, String midletJadUrl, String statusUrl) {
        List<WbxmlElement> cards = new ArrayList<>();
        boolean offer = !flow.choices().isEmpty();
        boolean collect = !flow.fields().isEmpty();
        String afterOffer = collect ? "#details" : "#send";
        if (offer) {
            List<WbxmlElement> options = flow.choices().stream()
                    .map(choice -> new WbxmlElement("option", List.of(new WbxmlAttribute("value", choice)), List.of(), choice)).toList();
            cards.add(card("offer", application, List.of(
                    accept("Next", go(afterOffer, List.of())),
                    text("Choose:"),
                    paragraph(new WbxmlElement("select", List.of(new WbxmlAttribute("name", "choice")), options)))));
        }
        if (collect) {
            List<WbxmlElement> content = new ArrayList<>();
            content.add(accept("Next", go("#send", List.of())));
            for (int i = 0; i < flow.fields().size(); i++) {
                content.add(text(flow.fields().get(i)));
                content.add(paragraph(new WbxmlElement("input", List.of(new WbxmlAttribute("name", "field" + (i + 1)),
                        new WbxmlAttribute("title", flow.fields().get(i))), List.of())));
            }
            cards.add(card("details", "Your details", content));
        }
        List<WbxmlElement> send = new ArrayList<>();
        if (!statusUrl.isEmpty()) {
            List<WbxmlElement> fields = new ArrayList<>();
            fields.add(postfield(MidletSource.FLOW_ATTRIBUTE, flow.name()));
            if (offer) {
                fields.add(postfield("Prov-Choice", "$(choice)"));
            }
            for (int i = 0; i < flow.fields().size(); i++) {
                fields.add(postfield("Prov-Field-" + flow.fields().get(i), "$(field" + (i + 1) + ")"));
            }
            if (!flow.phoneSettings().isEmpty()) {
                fields.add(postfield("Prov-Phone-Settings", String.join(", ", flow.phoneSettings())));
            }
            if (!flow.simUpdates().isEmpty()) {
                fields.add(postfield("Prov-Sim-Update", String.join(", ", flow.simUpdates())));
            }
            send.add(accept("Set up", new WbxmlElement("go", List.of(new WbxmlAttribute("href", statusUrl),
                    new WbxmlAttribute("method", "post")), fields)));
            send.add(text("Press Set up: the operator sends your settings by SMS."));
        } else {
            send.add(text("No provisioning server hosts this " + kind + "."));
        }
        for (BootstrapFlow.Component component : flow.components()) {
            if (!component.jadUrl().isEmpty()) {
                send.add(paragraph(new WbxmlElement("a", List.of(new WbxmlAttribute("href", component.jadUrl())), List.of(),
                        "Install " + component.name())));
            }
        }
        if (!midletJadUrl.isEmpty()) {
            send.add(paragraph(new WbxmlElement("a", List.of(new WbxmlAttribute("href", midletJadUrl)), List.of(),
                    "Install the " + application + " application")));
        }
        cards.add(card("send", application, send));
        WbxmlElement deck = new WbxmlElement("wml", List.of(), cards);
        return new Deck(Wml.toXml(deck), Wml.toWmlc(deck));
    }

    private static WbxmlElement card(String id, String title, List<WbxmlElement> content) {
        return new WbxmlElement("card", List.of(new WbxmlAttribute("id", id), new WbxmlAttribute("title", title)), content);
    }

    private static WbxmlElement accept(String label, WbxmlElement task) {
        return new WbxmlElement("do", List.of(new WbxmlAttribute("type", "accept"), new WbxmlAttribute("label", label)), List.of(task));
    }

    private static WbxmlElement go(String href, List<WbxmlElement> postfields) {
        return new WbxmlElement("go", List.of(new WbxmlAttribute("href", href)), postfields);
    }

    private static WbxmlElement postfield(String name, String value) {
        return new WbxmlElement("postfield", List.of(new WbxmlAttribute("name", name), new WbxmlAttribute("value", value)), List.of());
    }

    private static WbxmlElement text(String text) {
        return new WbxmlElement("p", List.of(), List.of(), text);
    }

    private static WbxmlElement paragraph(WbxmlElement child) {
        return new WbxmlElement("p", List.of(), List.of(child));
    }
}
