package org.civicledger.query.minutes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicledger.query.web.BadParameter;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Which form of the minutes a request asks for: {@code ?format=} first, then the Accept header; HTML by default. */
enum MinutesFormat {
    HTML(MediaType.parseMediaType("text/html; charset=utf-8")),
    TEXT(MediaType.parseMediaType("text/plain; charset=utf-8"));

    final MediaType mediaType;

    MinutesFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** Empty when the Accept header rules out both forms. */
    static Optional<MinutesFormat> choose(String format, String accept) {
        if (format != null) {
            return Optional.of(switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> TEXT;
                case "html" -> HTML;
                default -> throw new BadParameter("format", format, "text or html");
            });
        }
        List<MediaType> accepted;
        try {
            accepted = accept == null || accept.isBlank() ? List.of(MediaType.ALL) : MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            // An unreadable Accept header is treated as none at all.
            accepted = List.of(MediaType.ALL);
        }
        double html = quality(accepted, MediaType.TEXT_HTML);
        double text = quality(accepted, MediaType.TEXT_PLAIN);
        if (html == 0 && text == 0) {
            return Optional.empty();
        }
        return Optional.of(text > html ? TEXT : HTML);
    }

    /** The q of the most specific range that includes {@code type} (RFC 9110 §12.5.1), 0 if none does. */
    private static double quality(List<MediaType> accepted, MediaType type) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaType range : accepted) {
            if (!range.includes(type)) {
                continue;
            }
            int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.getQualityValue();
            }
        }
        return quality;
    }
}
