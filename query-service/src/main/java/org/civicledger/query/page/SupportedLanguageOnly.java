package org.civicledger.query.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Lets {@code ?lang=} change the language only to one the pages are written in (en, es); others are ignored. */
final class SupportedLanguageOnly implements HandlerInterceptor {

    private final LocaleChangeInterceptor change;

    SupportedLanguageOnly(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "es".equals(lang)) {
            return change.preHandle(request, response, handler);
        }
        return true;
    }
}
