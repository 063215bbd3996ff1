package dev.saasapi.platform.http.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** One JSON-B configuration for every body the API reads or writes, error pages included. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    public static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withNullValues(false).withDeserializers(new StrictStringDeserializer()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
