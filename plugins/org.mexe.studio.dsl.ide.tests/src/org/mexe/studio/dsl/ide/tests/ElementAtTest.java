package org.mexe.studio.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.mexe.studio.dsl.ide.model.ElementAt;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.Scenario;

/** The element under the caret is found in the model, not by the look of the text around it. */
class ElementAtTest {


    private static final String SOURCE = """
            namespace caret.example

            parameters Web {
            	www {
            		homepage "http://wap.example/"
            	}
            }

            scenario First {
            	deliver Web {
            		security none
            		to "+447700900160"
            	}
            }

            scenario Second {
            	// was: scenario First {
            	deliver Web {
            		security none
            		to "+447700900161"
            	}
            }
            """;

    @Test
    void theInnermostElementOfTheKindHoldingTheCaret() throws Exception {
        XtextResource resource = new ProvIdeTestSupport().parse("caret.prov", SOURCE);

        int inComment = SOURCE.indexOf("was: scenario First") + 5;
        assertEquals("Second", ElementAt.of(resource, inComment, Scenario.class).orElseThrow().getName(),
                "a comment that looks like a declaration is no declaration");
        int inSecondDelivery = SOURCE.indexOf("+447700900161");
        assertEquals("Second", ElementAt.of(resource, inSecondDelivery, Scenario.class).orElseThrow().getName());
        ParameterDelivery delivery = ElementAt.of(resource, inSecondDelivery, ParameterDelivery.class).orElseThrow();
        assertEquals("Second", ((Scenario) delivery.eContainer()).getName());
        assertTrue(ElementAt.of(resource, SOURCE.indexOf("homepage"), Scenario.class).isEmpty(), "a parameter set is in no scenario");
    }
}
