package dev.saasapi.platform.bodies.boundary;

import dev.saasapi.platform.bodies.control.RequestBodies;
import dev.saasapi.platform.http.boundary.JsonbResolver;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads every JSON request body, stricter than JSON-B alone: at most {@link RequestBodies#MAX_BYTES},
 * valid UTF-8, exactly one JSON object with nothing after it, no duplicate members (which parsers
 * resolve differently, so a proxy and the API could disagree on the value), no NUL, and only the
 * members the body's record declares: {@code is_superuser} or {@code id} are refused, never applied.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class JsonBodyReader implements MessageBodyReader<Record> {

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) {
        String text = RequestBodies.utf8(RequestBodies.read(entityStream));
        if (text.isBlank()) {
            throw MalformedBodyException.noObject();
        }
        JsonObject object = parseObject(text);
        requireKnownMembers(object, type);
        requireNoNul(object);
        try {
            return JsonbResolver.JSONB.fromJson(text, type);
        } catch (JsonbException e) {
            throw MalformedBodyException.wrongShape();
        }
    }

    private static JsonObject parseObject(String text) {
        JsonValue value;
        // any failure of the parser on this text is the text's fault: Parsson refuses a value nested
        // deeper than 1,000 with a plain RuntimeException, not a JsonException
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw new MalformedBodyException("The body is not valid JSON, or repeats a member name.");
        }
        if (!(value instanceof JsonObject object)) {
            throw MalformedBodyException.noObject();
        }
        // the reader stops after the first value; the parser also checks that nothing follows it
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (RuntimeException e) {
            throw new MalformedBodyException("The body has content after its JSON object.");
        }
        return object;
    }

    private static void requireKnownMembers(JsonObject object, Class<?> type) {
        Set<String> known = Arrays.stream(type.getRecordComponents())
                .map(JsonBodyReader::jsonName)
                .collect(Collectors.toSet());
        List<Problem.FieldError> unknown = object.keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .map(name -> new Problem.FieldError(Printable.of(name), "is not a known field"))
                .toList();
        if (!unknown.isEmpty()) {
            String accepted = known.stream().sorted().collect(Collectors.joining(", "));
            throw new MalformedBodyException(
                    "The body has members this endpoint does not accept; it accepts: " + accepted + ".", unknown);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        return property == null ? component.getName() : property.value();
    }

    private static void requireNoNul(JsonStructure structure) {
        for (JsonValue value : structure instanceof JsonObject o ? o.values() : structure.asJsonArray()) {
            if (value instanceof JsonString s) {
                RequestBodies.requireNoNul(s.getString());
            } else if (value instanceof JsonStructure nested) {
                requireNoNul(nested);
            }
        }
    }
}
