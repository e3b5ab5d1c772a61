package org.civicledger.command.console;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import org.civicledger.command.web.LoginSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's shell: the login page and the start page; each section has its own screens. */
@Controller
class ConsoleController {

    /** The console's sections, in navigation order. */
    static final List<String> SECTIONS = List.of("roster", "files", "meetings");

    private final LoginSettings login;

    ConsoleController(LoginSettings login) {
        this.login = login;
    }

    @GetMapping(ConsoleSecurityConfig.LOGIN)
    String login(HttpSession session, Model model, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String expired) {
        Object failure = session.getAttribute(LoginFailureHandler.FAILURE);
        session.removeAttribute(LoginFailureHandler.FAILURE);
        if (failure instanceof LoginFailureHandler.Failure f) {
            model.addAttribute("failure", f.rule());
            model.addAttribute("username", f.username());
            model.addAttribute("lockoutMinutes", Math.max(1, login.lockout().toMinutes()));
        }
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null && failure == null);
        return "console/login";
    }

    @GetMapping("/console")
    String home(Principal clerk, Model model) {
        model.addAttribute("clerk", clerk.getName());
        model.addAttribute("sections", SECTIONS);
        return "console/home";
    }
}
