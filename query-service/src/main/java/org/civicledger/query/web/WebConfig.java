package org.civicledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebConfig {

    /** On requests and on the async dispatch that resumes a waiting reader. */
    @Bean
    FilterRegistrationBean<MinPositionFilter> minPosition(ProjectionPosition position,
            @Value("${civic.query.max-wait}") Duration maxWait, @Value("${civic.query.max-waiting}") int maxWaiting,
            ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new MinPositionFilter(position, maxWait, maxWaiting, json));
        registration.addUrlPatterns("/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        return registration;
    }
}
