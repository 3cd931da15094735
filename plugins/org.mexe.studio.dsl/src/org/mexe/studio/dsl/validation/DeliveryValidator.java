package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.MISSING_DESTINATION;
import static org.mexe.studio.dsl.validation.ProvValidator.MISSING_IMSI;
import static org.mexe.studio.dsl.validation.ProvValidator.MISSING_PIN;
import static org.mexe.studio.dsl.validation.ProvValidator.MISSING_SECURITY;
import static org.mexe.studio.dsl.validation.ProvValidator.NOKIA_OTA_SECURITY;
import static org.mexe.studio.dsl.validation.ProvValidator.NO_SUBSCRIBER_SOURCE;
import static org.mexe.studio.dsl.validation.ProvValidator.UNAUTHENTICATED_DELIVERY;
import static org.mexe.studio.dsl.validation.StageText.keyword;
import static org.mexe.studio.dsl.validation.StageText.scenarioName;
import static org.mexe.studio.dsl.validation.StageText.stageName;

import org.eclipse.xtext.validation.Check;
import org.mexe.studio.model.payload.DeliveryPayload;
import org.mexe.studio.model.payload.PushSecurity;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.Scenario;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.SubscriberColumn;
import org.mexe.studio.model.provisioning.SubscriberSource;

/** A delivery says how it is secured and whom it goes to, and has the key material its security needs. */
public class DeliveryValidator extends ComposedValidator {

    @Check
    public void deliveryIsComplete(ParameterDelivery delivery) {
        String which = stageName(delivery);
        if (!delivery.isSetSecurity()) {
            error("'" + which + "' says nothing about security: add 'security userpin', 'netwpin', 'usernetwpin' or 'userpinmac'"
                    + " (or 'security none' to send it unauthenticated).", Literals.PARAMETER_DELIVERY__PARAMETER_SETS, MISSING_SECURITY);
        }
        if (delivery.getDestination() == null && !delivery.isToSubscribers()) {
            error("'" + which + "' says nowhere whom it goes to: add 'to \"+447700900123\"' for one phone or 'to subscribers'"
                    + " for every subscriber of the scenario's subscriber file.", Literals.PARAMETER_DELIVERY__PARAMETER_SETS,
                    MISSING_DESTINATION);
        }
        if (delivery.isToSubscribers()) {
            SubscriberSource subscribers = subscribers(delivery);
            if (subscribers == null) {
                error("'" + which + "' goes 'to subscribers', but " + scenarioName(delivery) + " names no subscriber file: add"
                        + " 'subscribers S' to the scenario, with S a 'subscribers S { file \"...\" columns msisdn, ... }'.",
                        Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS, NO_SUBSCRIBER_SOURCE);
            } else if (!subscribers.eIsProxy() && !subscribers.getColumns().contains(SubscriberColumn.MSISDN)) {
                error("'" + which + "' goes 'to subscribers', but the subscriber file " + subscribers.getName() + " has no msisdn"
                        + " column to send to: add msisdn to its columns.", Literals.PARAMETER_DELIVERY__TO_SUBSCRIBERS,
                        NO_SUBSCRIBER_SOURCE);
            }
        }
    }

    @Check
    public void securityHasWhatItNeeds(ParameterDelivery delivery) {
        if (!delivery.isSetSecurity()) {
            return;
        }
        SecurityMethod method = delivery.getSecurity();
        String name = keyword(method);
        SubscriberSource subscribers = delivery.isToSubscribers() ? subscribers(delivery) : null;
        if (PushSecurity.needsPin(method)) {
            boolean fromSubscribers = subscribers != null && (subscribers.eIsProxy() || subscribers.getColumns().contains(SubscriberColumn.PIN));
            if (delivery.getPin() == null && !delivery.isGeneratedPin() && !fromSubscribers) {
                error(name.toUpperCase() + " security needs a PIN: add 'pin env \"VARIABLE\"', 'pin file \"path\"' or 'pin generated'"
                        + (subscribers != null ? ", or a pin column in the subscriber file " + subscribers.getName() + "."
                                : ", or send 'to subscribers' from a subscriber file with a pin column."),
                        Literals.PARAMETER_DELIVERY__SECURITY, MISSING_PIN);
            }
        }
        if (PushSecurity.needsImsi(method)) {
            boolean fromSubscribers = subscribers != null && (subscribers.eIsProxy() || subscribers.getColumns().contains(SubscriberColumn.IMSI));
            if (delivery.getImsi() == null && !fromSubscribers) {
                error(name.toUpperCase() + " security is keyed by the subscriber's IMSI: add 'imsi \"234150999999999\"'"
                        + (subscribers != null ? ", or an imsi column in the subscriber file " + subscribers.getName() + "."
                                : ", or send 'to subscribers' from a subscriber file with an imsi column."),
                        Literals.PARAMETER_DELIVERY__SECURITY, MISSING_IMSI);
            }
        }
    }

    @Check
    public void securityFitsTheFormat(ParameterDelivery delivery) {
        if (!delivery.isSetSecurity()) {
            return;
        }
        DeliveryFormat format = DeliveryPayload.format(delivery);
        if (format == DeliveryFormat.NOKIA_OTA && delivery.getSecurity() != SecurityMethod.NONE) {
            error("Nokia OTA settings carry no MAC, so 'security " + keyword(delivery.getSecurity()) + "' cannot be sent with"
                    + " 'format nokia-ota': write 'security none', or use 'format oma-cp' for authenticated settings.",
                    Literals.PARAMETER_DELIVERY__SECURITY, NOKIA_OTA_SECURITY);
        } else if (format == DeliveryFormat.OMA_CP && delivery.getSecurity() == SecurityMethod.NONE) {
            warning("'security none' sends OMA Client Provisioning settings without a MAC: handsets show them as unauthenticated"
                    + " and many users reject them. Use 'security userpin' (or netwpin, usernetwpin, userpinmac).",
                    Literals.PARAMETER_DELIVERY__SECURITY, UNAUTHENTICATED_DELIVERY);
        }
    }

    private static SubscriberSource subscribers(ParameterDelivery delivery) {
        return delivery.eContainer() instanceof Scenario scenario ? scenario.getSubscribers() : null;
    }
}
