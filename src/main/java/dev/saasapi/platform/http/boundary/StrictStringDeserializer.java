package dev.saasapi.platform.http.boundary;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Text fields take JSON strings only. JSON-B would otherwise turn {@code 12345678} or {@code true}
 * into the password "12345678" or "true": a client bug that should be a 400, not an account.
 */
public class StrictStringDeserializer implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // Yasson's parser cannot report its current event; getString() and isIntegralNumber() tell
        // strings (text), numbers (text and a number), null and the rest (neither) apart.
        String text;
        try {
            text = parser.getString();
        } catch (IllegalStateException notTextual) {
            if (parser.getValue().getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new JsonbException("expected a JSON string");
        }
        try {
            parser.isIntegralNumber();
        } catch (IllegalStateException notANumber) {
            return text;
        }
        throw new JsonbException("expected a JSON string, not a number");
    }
}
