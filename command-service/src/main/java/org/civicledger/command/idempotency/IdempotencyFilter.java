package org.civicledger.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.civicledger.web.BufferedBody;
import org.civicledger.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} contract for command requests (POST/PUT/PATCH/DELETE under /api, and the console's
 * form posts, whose key is the form's hidden {@code idempotencyKey} field, renewed on every render). Runs after Spring
 * Security, so the key is scoped to the authenticated clerk. The key is claimed in PostgreSQL before the request
 * runs; the first answer is kept and replayed with {@code Idempotent-Replay: true}; the same key with another
 * request is 422 {@code idempotency-key-reused}; a duplicate that arrives while the first is running waits up to
 * {@code civic.idempotency.in-flight-wait} for its answer (a double click), then gets 409
 * {@code idempotency-key-in-flight}.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String REPLAY_HEADER = "Idempotent-Replay";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Duration POLL = Duration.ofMillis(25);

    private final IdempotencyStore store;
    private final CommitFence fence;
    private final IdempotencySettings settings;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, CommitFence fence, IdempotencySettings settings, ObjectMapper json) {
        this.store = store;
        this.fence = fence;
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (IdempotencyKey.isConsoleForm(request, path)) {
            return false;
        }
        return !COMMAND_METHODS.contains(request.getMethod()) || !path.startsWith("/api/")
                || request.getHeader(IdempotencyKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = IdempotencyKey.isConsoleForm(request, request.getServletPath());
        String key = form ? IdempotencyKey.fromForm(request)
                : IdempotencyKey.valid(Collections.list(request.getHeaders(IdempotencyKey.HEADER)));
        if (form && key == null) {
            chain.doFilter(request, response);   // a form that asks for no key (sign out)
            return;
        }
        if (key == null || key.isEmpty()) {
            refuse(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "The Idempotency-Key header must"
                    + " be given once, with 1 to " + IdempotencyKey.MAX_LENGTH + " visible ASCII characters.");
            return;
        }
        Authentication clerk = SecurityContextHolder.getContext().getAuthentication();
        if (clerk == null || !clerk.isAuthenticated()) {
            chain.doFilter(request, response);   // security refuses it; nothing to remember
            return;
        }
        // A form's body was already parsed into parameters (Spring Security read its CSRF token): fingerprint those.
        byte[] body = form ? Fingerprint.formBody(request) : request.getInputStream().readAllBytes();
        byte[] fingerprint = Fingerprint.of(request, body);
        Instant deadline = Instant.now().plus(settings.inFlightWait());
        while (true) {
            Optional<Claim> claim = store.claim(clerk.getName(), key, fingerprint);
            if (claim.isPresent()) {
                run(claim.get(), form ? request : new BufferedBody(request, body), response, chain);
                return;
            }
            Optional<KeyState> state = store.find(clerk.getName(), key);
            if (state.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    inFlight(new KeyState(fingerprint, Instant.now(), false, null), response);
                    return;
                }
                continue;   // released or expired between the two statements: claim again
            }
            if (!MessageDigest.isEqual(state.get().fingerprint(), fingerprint)) {
                refuse(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "This Idempotency-Key"
                        + " was already used for a different request (method, path or body); use a new key.");
                return;
            }
            if (state.get().answered()) {
                replay(state.get().answer(), response);
                return;
            }
            if (!Instant.now().isBefore(deadline)) {
                inFlight(state.get(), response);
                return;
            }
            sleep();
        }
    }

    private void run(Claim claim, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        fence.hold(claim);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            release(claim);
            throw e;
        } finally {
            fence.drop();
        }
        byte[] body = captured.getContentAsByteArray();
        if (KeptAnswers.keeps(captured.getStatus(), body, json)) {
            keep(claim, new StoredAnswer(captured.getStatus(), captured.getContentType(),
                    captured.getHeader("Location"), body));
        } else {
            release(claim);
        }
        captured.copyBodyToResponse();
    }

    /** A failure to keep the answer is not the request's: the clerk still gets the real answer. */
    private void keep(Claim claim, StoredAnswer answer) {
        try {
            store.complete(claim, answer);
        } catch (RuntimeException e) {
            log.warn("could not keep the answer for an idempotency key; it stays claimed: {}", e.toString());
        }
    }

    private void release(Claim claim) {
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            log.warn("could not release an idempotency key; it frees itself when stale: {}", e.toString());
        }
    }

    private void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        response.setHeader(REPLAY_HEADER, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** Still running, or it recorded its action and lost its answer (the process died): never run it again. */
    private void inFlight(KeyState state, HttpServletResponse response) throws IOException {
        boolean lost = state.committed()
                && state.claimedAt().plus(settings.staleAfter()).isBefore(Instant.now());
        response.setHeader("Retry-After", "1");
        if (lost) {
            refuse(response, HttpStatus.CONFLICT, "idempotency-key-outcome-unknown", "A request with this"
                    + " Idempotency-Key recorded its action but its answer was lost. Check the record; do not"
                    + " repeat the action under a new key.");
        } else {
            refuse(response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "A request with this Idempotency-Key is still being recorded; try again in a moment.");
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String rule, String detail)
            throws IOException {
        Problems.write(response, json, Problems.of(status, rule, detail));
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for an idempotent request", e);
        }
    }
}
