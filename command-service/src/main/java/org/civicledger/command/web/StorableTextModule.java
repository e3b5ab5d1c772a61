package org.civicledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.civicledger.events.StorableText;
import org.springframework.stereotype.Component;

/**
 * Every string of every request body (values and map keys) is checked as it is read, so the refusal names the
 * JSON field the clerk sent. Boot adds Module beans to its ObjectMapper.
 */
@Component
class StorableTextModule extends SimpleModule {

    StorableTextModule() {
        super("storable-text");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
    }

    /** Thrown while reading a body; Jackson adds the field path, the problem handler answers {@code invalid-text}. */
    static final class InvalidText extends JsonMappingException {
        InvalidText(JsonParser parser, String problem) {
            super(parser, problem);
        }
    }

    private static String checked(JsonParser parser, String value) throws InvalidText {
        String problem = value == null ? null : StorableText.problem(value);
        if (problem != null) {
            throw new InvalidText(parser, problem);
        }
        return value;
    }

    private static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }
}
