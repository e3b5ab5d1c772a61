package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A request that carries a session id the server no longer knows (timed out, or logged out elsewhere) is sent to the
 * login page saying the session ended, whether it was a page (no login) or a form post (so also no CSRF token).
 * Everything else keeps Spring Security's answers: the login page, or 403 for a post without a valid CSRF token.
 * Used instead of {@code invalidSessionUrl}, which would also redirect a live session's token-less post.
 */
final class SessionExpiry implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String login = request.getContextPath() + ConsoleSecurityConfig.LOGIN;
        response.sendRedirect(expired(request) ? login + "?expired" : login);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (expired(request)) {
            response.sendRedirect(request.getContextPath() + ConsoleSecurityConfig.LOGIN + "?expired");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean expired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}
