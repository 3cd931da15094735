package org.mexe.studio.generator.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * A campaign run in its own JVM, for {@link CampaignKillTest} to kill: the plan of a fixed
 * document, always with {@code --resume} (which starts a new folder). Arguments: subscriber file,
 * campaign folder, {@code netwpin} or {@code generated} (USERPIN made per subscriber), PIN file.
 */
public final class CampaignChild {

    private CampaignChild() {
    }

    static CampaignPlan plan(String kind) {
        byte[] wbxml = new byte[180];
        for (int i = 0; i < wbxml.length; i++) {
            wbxml[i] = (byte) (i * 7 + 3);
        }
        return "generated".equals(kind)
                ? CampaignPlan.omaCp("kill.Test", 1, "kill.Test/01-deliver-Home", SecurityMethod.USERPIN, wbxml,
                        CampaignPlan.PinSource.GENERATED, null, List.of())
                : CampaignPlan.omaCp("kill.Test", 1, "kill.Test/01-deliver-Home", SecurityMethod.NETWPIN, wbxml,
                        CampaignPlan.PinSource.NONE, null, List.of());
    }

    public static void main(String[] args) throws Exception {
        CampaignRun.Options options = CampaignRun.Options.of(Path.of(args[0]), Path.of(args[1])).withResume(true)
                .withUserPins("generated".equals(args[2]) ? Optional.of(Path.of(args[3])) : Optional.empty());
        CampaignRun.Summary summary = CampaignRun.run(plan(args[2]), options);
        System.out.println("done " + summary.subscribers());
    }
}
