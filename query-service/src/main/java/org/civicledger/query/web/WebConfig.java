package org.civicledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.civicledger.query.deadletter.DeadLetters;
import org.civicledger.query.stream.PastRecord;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
class WebConfig {

    /** On requests and on the async dispatch that resumes a waiting reader. */
    @Bean
    FilterRegistrationBean<MinPositionFilter> minPositionFilter(ProjectionPosition position,
            @Value("${civic.query.max-wait}") Duration maxWait, @Value("${civic.query.max-waiting}") int maxWaiting,
            ObjectMapper json, DeadLetters deadLetters) {
        var registration = new FilterRegistrationBean<>(new MinPositionFilter(position, maxWait, maxWaiting, json,
                deadLetters));
        registration.addUrlPatterns("/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(1);
        return registration;
    }

    /** After the wait for minPosition, so a past read of a fresh write sees it. */
    @Bean
    FilterRegistrationBean<PastRecordFilter> pastRecordFilter(PastRecord past, PlatformTransactionManager transactions,
            @Value("${civic.query.concurrent-past-reads}") int concurrentReplays, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new PastRecordFilter(past, transactions, concurrentReplays,
                json));
        // The pages of files, meetings, bodies and people show the same cuts as the API.
        registration.addUrlPatterns("/api/*", "/files/*", "/meetings/*", "/bodies/*", "/people/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(2);
        return registration;
    }
}
