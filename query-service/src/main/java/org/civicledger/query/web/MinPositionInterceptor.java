package org.civicledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes for every GET under /api: {@code minPosition=N} (the position a command answered with) holds the
 * request until the projection has caught up with N, at most {@code civic.query.max-wait}. Every answer names the
 * position it reflects in the {@code Civic-Position} header.
 */
@Component
class MinPositionInterceptor implements HandlerInterceptor {

    static final String HEADER = "Civic-Position";

    private final ProjectionPosition position;
    private final Duration maxWait;

    MinPositionInterceptor(ProjectionPosition position, @Value("${civic.query.max-wait}") Duration maxWait) {
        this.position = position;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String minPosition = request.getParameter("minPosition");
        if (minPosition != null) {
            long wanted = parse(minPosition);
            if (!position.awaitAtLeast(wanted, maxWait)) {
                throw new ProjectionBehind(wanted, position.current());
            }
        }
        response.setHeader(HEADER, Long.toString(position.current()));
        return true;
    }

    private static long parse(String value) {
        try {
            long wanted = Long.parseLong(value);
            if (wanted >= 0) {
                return wanted;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("minPosition", value, "a global position: a whole number, 0 or more");
    }
}
