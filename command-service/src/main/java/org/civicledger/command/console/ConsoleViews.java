package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two ways a console post ends. Recorded: 303 See Other to the screen, with {@code after} = the action's position
 * so the screen reads the public record once it holds the action (and a reload never posts again). Refused: the same
 * screen again with the rule's message beside the form that caused it and everything the clerk typed kept.
 */
public final class ConsoleViews {

    /** Model attributes a refused screen carries (the templates' {@code console/parts :: refusal} reads them). */
    public static final String REFUSAL = "refusal";
    public static final String REFUSED_FORM = "refusedForm";
    public static final String INPUT = "input";

    private ConsoleViews() {
    }

    /** 303 to {@code path} (a console path, with or without a query) after the action recorded at {@code position}. */
    public static RedirectView seeOther(String path, long position) {
        RedirectView view = new RedirectView(UriComponentsBuilder.fromUriString(path).queryParam("after", position)
                .build().encode().toUriString(), true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    /**
     * Puts the refusal and the clerk's input (every field as sent, minus the CSRF token and the spent idempotency
     * key) in the model for the screen to render again, with the refusal's status.
     */
    public static void refused(Model model, String form, ClerkActions.Refusal refusal, HttpServletRequest request,
                               HttpServletResponse response) {
        Map<String, List<String>> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.equals("idempotencyKey")) {
                input.put(name, List.of(values));
            }
        });
        model.addAttribute(REFUSAL, refusal);
        model.addAttribute(REFUSED_FORM, form);
        model.addAttribute(INPUT, new Input(form, input));
        response.setStatus(refusal.status());
    }

    /** What the clerk typed into the refused form; other forms on the screen render as fresh. */
    public record Input(String form, Map<String, List<String>> values) {

        /** The first value of {@code field} when {@code ofForm} is the refused form, else {@code otherwise}. */
        public String get(String ofForm, String field, String otherwise) {
            List<String> given = form.equals(ofForm) ? values.get(field) : null;
            return given == null || given.isEmpty() ? otherwise : given.get(0);
        }

        /** Whether {@code value} was among the values of {@code field} (checkboxes, radio buttons, selects). */
        public boolean has(String ofForm, String field, String value) {
            List<String> given = form.equals(ofForm) ? values.get(field) : null;
            return given != null && given.contains(value);
        }

        /** Whether the refused form sent {@code field} at all. */
        public boolean sent(String ofForm, String field) {
            return form.equals(ofForm) && values.containsKey(field);
        }
    }
}
