package org.civicledger.web;

import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.unit.DataSize;

/** Both services' HTTP edge: clerk accounts, container refusals as problems, bounded bodies, storable parameters. */
@AutoConfiguration
@EnableConfigurationProperties(ClerkAccounts.class)
public class ServiceWebAutoConfiguration {

    @Bean
    OpenApiCustomizer refusalsInTheApiDescription() {
        return new ApiDescription();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService clerks(ClerkAccounts accounts) {
        List<ClerkAccounts.Clerk> clerks = accounts.clerks() == null ? List.of() : accounts.clerks();
        return new InMemoryUserDetailsManager(clerks.stream()
                .map(c -> User.withUsername(c.username()).password(c.password()).roles("CLERK").build())
                .toList());
    }

    /** Runs after Boot's own Tomcat customizer, so its HTML error valve is the one replaced. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof Host host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.getPipeline().addValve(new ProblemErrorValve());
                        if (host instanceof StandardHost standard) {
                            standard.setErrorReportValveClass(ProblemErrorValve.class.getName());
                        }
                    }
                });
            }
        };
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${civic.http.max-body-size:2MB}") DataSize limit) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StorableParameters> storableParameters() {
        FilterRegistrationBean<StorableParameters> registration = new FilterRegistrationBean<>(new StorableParameters());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
