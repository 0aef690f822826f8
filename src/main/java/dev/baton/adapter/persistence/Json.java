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
    /**
     * Text maps read back without the checks the API's mapper makes of what comes in (NUL characters, lengths): what
     * is stored passed them when it was written, and the reads of events and profiles are the hottest there are.
     */
    private static final ObjectReader STORED_TEXT_MAPS =
            JsonMapper.builder().build().readerFor(TEXT_MAP);

    private final JsonMapper mapper;
    private final ObjectReader textMaps;
    private final ObjectReader maps;
    private final ObjectReader values;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
        this.textMaps = STORED_TEXT_MAPS;
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
