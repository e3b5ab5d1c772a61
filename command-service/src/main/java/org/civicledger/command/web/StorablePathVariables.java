package org.civicledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.StorableText;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Path variables obey the same text rule as bodies, before any lookup uses them (query parameters are checked by
 * web-support's filter for both services).
 */
@Configuration
class StorablePathVariables implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map) {
            map.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    private static void check(String field, String value) {
        String problem = StorableText.problem(value);
        if (problem != null) {
            throw RuleViolation.badField(StorableText.RULE, field,
                    "Parameter '" + field + "' contains text that cannot be recorded: " + problem + ".");
        }
    }
}
