package dev.baton.adapter.persistence;

import java.util.Map;
import org.postgresql.util.PGobject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** JSON columns: values written as jsonb, read back as maps. */
final class Json {

    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper mapper;
    private final ObjectReader textMaps;
    private final ObjectReader maps;
    private final ObjectReader values;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
        this.textMaps = mapper.readerFor(TEXT_MAP);
        this.maps = mapper.readerFor(MAP);
        this.values = mapper.readerFor(Object.class);
    }

    PGobject jsonb(Object value) {
        try {
            var json = new PGobject();
            json.setType("jsonb");
            json.setValue(mapper.writeValueAsString(value));
            return json;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(Object value) {
        return mapper.writeValueAsString(value);
    }

    Map<String, String> textMap(String json) {
        return textMaps.readValue(json);
    }

    Map<String, Object> map(String json) {
        return maps.readValue(json);
    }

    Object value(String json) {
        return values.readValue(json);
    }
}
