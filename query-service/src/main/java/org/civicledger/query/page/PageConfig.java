package org.civicledger.query.page;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Spanish: {@code ?lang=es} (the visible switcher) sets a cookie; without one, Accept-Language decides;
 * anything else is English. The record's own text is never translated, only the page around it.
 */
@Configuration
class PageConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver fallback = new AcceptHeaderLocaleResolver();
        fallback.setSupportedLocales(SUPPORTED);
        fallback.setDefaultLocale(Locale.ENGLISH);
        CookieLocaleResolver resolver = new CookieLocaleResolver("civic-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(fallback::resolveLocale);
        return resolver;
    }

    /**
     * Before the security filters, which cost more than serving a kept page (the pages are public; a request with
     * credentials is rendered each time, as are the security headers it gets), and before the past-record filter, so a
     * kept page of a past cut is not replayed again. After the observation filter: kept pages still count as requests.
     */
    @Bean
    FilterRegistrationBean<RenderedPages> renderedPages(ProjectionPosition projection, LocaleResolver languages,
                                                        PageCacheSettings settings) {
        var registration = new FilterRegistrationBean<>(new RenderedPages(projection, languages, settings));
        registration.addUrlPatterns("/files/*", "/meetings/*", "/bodies/*", "/people/*");
        registration.setEnabled(settings.enabled());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private final Fmt fmt;

    PageConfig(Fmt fmt) {
        this.fmt = fmt;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsOfControl(fmt)).addPathPatterns("/files/**", "/meetings/**", "/bodies/**",
                "/people/**");
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLanguageOnly(change)).excludePathPatterns("/api/**", "/feeds/**");
    }
}
