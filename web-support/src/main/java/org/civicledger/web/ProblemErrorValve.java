package org.civicledger.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Refusals Tomcat makes before Spring sees the request (malformed percent-encoding such as {@code %00} or {@code %ZZ},
 * an encoded slash, oversized headers) as application/problem+json instead of Tomcat's HTML page.
 */
public class ProblemErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 400 && headersTooLarge(throwable)) {
            status = 431;
            response.setStatus(status);
        }
        String rule = switch (status) {
            case 400 -> "malformed-request";
            case 413 -> "request-too-large";
            case 431 -> "request-headers-too-large";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 400 -> "The request is malformed: check its URL (percent-encoding, encoded slashes) and headers.";
            case 413 -> "The request body is larger than this service accepts.";
            case 431 -> "The request headers are larger than this service accepts.";
            default -> "The request could not be served.";
        };
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:civic-ledger:problem:" + rule + "\",\"title\":\"" + rule
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot be written: nothing more to tell it.
        }
    }

    private static boolean headersTooLarge(Throwable throwable) {
        for (Throwable e = throwable; e != null; e = e.getCause()) {
            String message = String.valueOf(e.getMessage()).toLowerCase();
            if (message.contains("header") && message.contains("too large")) {
                return true;
            }
        }
        return false;
    }
}
