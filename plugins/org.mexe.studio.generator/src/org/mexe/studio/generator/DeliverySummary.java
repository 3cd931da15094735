package org.mexe.studio.generator;

import java.util.List;

/**
 * What one parameter delivery produced: where, how many SMS, and the MAC that protects it.
 * The MAC is public (it travels in the push header); the PIN that keyed it is not here.
 */
public record DeliverySummary(String scenario, int stage, String folder, String security, String mac,
        int wbxmlBytes, int smsCount, List<String> files) {
}
