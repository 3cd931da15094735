package org.mexe.studio.run;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;

/**
 * The user of a simulated classmark 3 handset, inside MicroEmulator's process: it starts the
 * headless emulator on a JAD, then answers the MIDlet's screens as the run's answers say. On a
 * choice list it selects the answer for the list's title (else the first entry), in a form it
 * types the answer for each text field's label, then it presses the screen's OK command. It stops
 * when a screen has no OK command left. Reflection only, so that this class needs nothing but the
 * emulator on its class path; each action is a line on standard output, for the run's log.
 * <p>
 * Arguments: the JAD URL, then {@code label=answer} pairs.
 */
public final class ScriptedUser {

    private static final int OK = 4; // javax.microedition.lcdui.Command.OK
    private static final long PATIENCE_MILLIS = 20_000;

    private ScriptedUser() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals > 0) {
                answers.put(args[i].substring(0, equals), args[i].substring(equals + 1));
            }
        }
        Class<?> headless = Class.forName("org.microemu.app.Headless");
        headless.getMethod("main", String[].class).invoke(null, (Object) new String[] { args[0] });
        Object handled = null;
        long idleSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - idleSince < PATIENCE_MILLIS) {
            Thread.sleep(200);
            Object display = displayAccess();
            Object screen = display == null ? null : displayAccessType().getMethod("getCurrent").invoke(display);
            if (screen == null || screen == handled) {
                continue;
            }
            Object ok = okCommand(screen);
            if (ok == null) {
                System.out.println("ROBOT screen '" + title(screen) + "' has no OK command: the user is done");
                return;
            }
            answer(screen, answers);
            handled = screen;
            idleSince = System.currentTimeMillis();
            displayAccessType().getMethod("commandAction", Class.forName("javax.microedition.lcdui.Command"),
                    Class.forName("javax.microedition.lcdui.Displayable")).invoke(display, ok, screen);
            System.out.println("ROBOT pressed " + label(ok) + " on '" + title(screen) + "'");
        }
        System.out.println("ROBOT no new screen for " + PATIENCE_MILLIS / 1000 + " s: the user is done");
    }

    private static Object displayAccess() throws Exception {
        Object access = Class.forName("org.microemu.MIDletBridge").getMethod("getMIDletAccess").invoke(null);
        return access == null ? null : Class.forName("org.microemu.MIDletAccess").getMethod("getDisplayAccess").invoke(access);
    }

    /** The public interface: the emulator's implementations of it are not public classes. */
    private static Class<?> displayAccessType() throws ClassNotFoundException {
        return Class.forName("org.microemu.DisplayAccess");
    }

    private static void answer(Object screen, Map<String, String> answers) throws Exception {
        String type = screen.getClass().getName();
        if (type.equals("javax.microedition.lcdui.List")) {
            int size = (Integer) screen.getClass().getMethod("size").invoke(screen);
            String wanted = answers.get(title(screen));
            int index = 0;
            for (int i = 0; i < size && wanted != null; i++) {
                if (wanted.equals(screen.getClass().getMethod("getString", int.class).invoke(screen, i))) {
                    index = i;
                }
            }
            screen.getClass().getMethod("setSelectedIndex", int.class, boolean.class).invoke(screen, index, true);
            System.out.println("ROBOT chose '" + screen.getClass().getMethod("getString", int.class).invoke(screen, index) + "' on '"
                    + title(screen) + "'");
        } else if (type.equals("javax.microedition.lcdui.Form")) {
            int size = (Integer) screen.getClass().getMethod("size").invoke(screen);
            for (int i = 0; i < size; i++) {
                Object item = screen.getClass().getMethod("get", int.class).invoke(screen, i);
                if (item.getClass().getName().equals("javax.microedition.lcdui.TextField")) {
                    String label = (String) item.getClass().getMethod("getLabel").invoke(item);
                    String value = answers.getOrDefault(label, "DEMO " + label);
                    item.getClass().getMethod("setString", String.class).invoke(item, value);
                    System.out.println("ROBOT typed the field '" + label + "'");
                }
            }
        }
    }

    private static Object okCommand(Object screen) throws Exception {
        Method commands = Class.forName("javax.microedition.lcdui.Displayable").getDeclaredMethod("getCommands");
        commands.setAccessible(true);
        List<Object> all = new ArrayList<>((Vector<?>) commands.invoke(screen));
        for (Object command : all) {
            if ((Integer) command.getClass().getMethod("getCommandType").invoke(command) == OK) {
                return command;
            }
        }
        return null;
    }

    private static String title(Object screen) throws Exception {
        Object title = Class.forName("javax.microedition.lcdui.Displayable").getMethod("getTitle").invoke(screen);
        return title == null ? "" : title.toString();
    }

    private static String label(Object command) throws Exception {
        return String.valueOf(command.getClass().getMethod("getLabel").invoke(command));
    }
}
