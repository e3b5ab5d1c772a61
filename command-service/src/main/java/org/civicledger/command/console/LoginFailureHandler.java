package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicledger.command.web.LoginThrottled;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login page after a failed login, remembering (in the session, never the URL) the username typed and
 * which rule refused it, so the form shows the error beside the fields with the username kept.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String FAILURE = LoginFailureHandler.class.getName() + ".failure";

    /** What the login page shows after a failure; {@code rule} is stable, the words come from the message bundle. */
    record Failure(String username, String rule) {
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        if (username == null || username.length() > 255) {
            username = "";
        }
        String rule = exception instanceof LoginThrottled ? LoginThrottled.RULE : "bad-credentials";
        request.getSession().setAttribute(FAILURE, new Failure(username, rule));
        response.sendRedirect(request.getContextPath() + ConsoleSecurityConfig.LOGIN + "?error");
    }
}
