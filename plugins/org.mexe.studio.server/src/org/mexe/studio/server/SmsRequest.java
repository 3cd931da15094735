package org.mexe.studio.server;

/** A subscriber's provisioning request as Kannel's sms-service passes it on: the keyword, who sent it and to which number. */
public record SmsRequest(String keyword, String from, String to) {
}
