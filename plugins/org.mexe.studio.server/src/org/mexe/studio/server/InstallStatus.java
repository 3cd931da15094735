package org.mexe.studio.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status codes a MIDP 2.0 handset POSTs to a suite's {@code MIDlet-Install-Notify} URL (JSR 118,
 * Over The Air User Initiated Provisioning, table "Install Status Codes"), with the status
 * message the specification gives each.
 */
public enum InstallStatus {
    SUCCESS(900, "Success"),
    INSUFFICIENT_MEMORY(901, "Insufficient Memory"),
    USER_CANCELLED(902, "User Cancelled"),
    LOSS_OF_SERVICE(903, "Loss of Service"),
    JAR_SIZE_MISMATCH(904, "JAR size mismatch"),
    ATTRIBUTE_MISMATCH(905, "Attribute Mismatch"),
    INVALID_DESCRIPTOR(906, "Invalid Descriptor"),
    INVALID_JAR(907, "Invalid JAR"),
    INCOMPATIBLE_CONFIGURATION_OR_PROFILE(908, "Incompatible Configuration or Profile"),
    APPLICATION_AUTHENTICATION_FAILURE(909, "Application authentication failure"),
    APPLICATION_AUTHORIZATION_FAILURE(910, "Application authorization failure"),
    PUSH_REGISTRATION_FAILURE(911, "Push registration failure"),
    DELETION_NOTIFICATION(912, "Deletion Notification");

    private final int code;
    private final String message;

    InstallStatus(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    /** The status message of the specification. */
    public String message() {
        return message;
    }

    public static Optional<InstallStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
