package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.ui.Model;

/** What every roster and files screen needs: the console's shell, and a refusal put beside the right control. */
final class Screens {

    private Screens() {
    }

    /** The signed-in clerk, the sections, the city's time zone; an empty input when nothing was refused. */
    static void shell(Principal clerk, ZoneId city, Model model) {
        model.addAttribute("clerk", clerk.getName());
        model.addAttribute("cityZone", city.getId());
        model.addAttribute("sections", ConsoleController.SECTIONS);
        if (!model.containsAttribute(ConsoleViews.INPUT)) {
            model.addAttribute(ConsoleViews.INPUT, new ConsoleViews.Input("", Map.of()));
        }
    }

    /**
     * The refusal for {@code form}; a rule that refuses the command as a whole but is about one control
     * ({@code fields}: rule → form field) is said about that control.
     */
    static void refused(Model model, String form, ClerkActions.Done done, Map<String, String> fields,
                        HttpServletRequest request, HttpServletResponse response) {
        ClerkActions.Refusal refusal = done.refusal();
        if (refusal.field() == null && fields.containsKey(refusal.rule())) {
            refusal = refusal.about(fields.get(refusal.rule()));
        }
        ConsoleViews.refused(model, form, refusal, request, response);
    }
}
