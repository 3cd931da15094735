package org.mexe.studio.dsl.ide.workspace;

import java.util.List;

/**
 * Templates of the language for content assist, in the Eclipse template syntax: {@code ${name}} is
 * a variable the user fills in (its name is the text until then), {@code ${cursor}} where the caret ends.
 */
public final class ProvTemplates {

    /** A template: what content assist lists, what it says, and the text it inserts. */
    public record Template(String name, String description, String pattern) {
    }

    private ProvTemplates() {
    }

    public static final List<Template> ALL = List.of(
            new Template("parameters", "parameter set: GPRS access point and WAP proxy", """
                    parameters ${Name} {
                    	gprs {
                    		apn "${apn}"
                    	}
                    	www {
                    		proxy "${proxy}"
                    		port ${port}
                    	}
                    }${cursor}"""),
            new Template("scenario", "scenario with the brief's six stages: trust, request, deliver, connect, download and run, install", """
                    scenario ${Name} {
                    	provider ${Operator}
                    	handsets ${Handset}
                    	trust ${OperatorRoot}
                    	request sms keyword "${keyword}" to "${shortCode}"
                    	deliver ${Settings} {
                    		format oma-cp
                    		security userpin
                    		pin file "${pinFile}"
                    		bearer concatenated-sms
                    		to "${msisdn}"
                    	}
                    	connect ${ProvisioningServer}
                    	download ${Bootstrap} over http
                    	install ${Component} over http
                    }${cursor}"""),
            new Template("handset", "handset: classmarks, SMS limit, formats, trusted domains", """
                    handset ${Name} {
                    	manufacturer ${Manufacturer}
                    	classmarks ${classmark}
                    	concatenated-sms max ${segments} segments
                    	formats oma-cp
                    	trusts ${Operator}
                    }${cursor}"""),
            new Template("server", "provisioning server and what it hosts", """
                    server ${Name} {
                    	url "${url}"
                    	hosts ${Application} at "${path}"
                    }${cursor}"""));
}
