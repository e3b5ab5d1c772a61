package org.civicledger.query.page;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pages show exactly what the public API answers: the same query beans, turned into the maps their JSON is made of,
 * so a template reads {@code file.title} where a client reads {@code "title"}.
 */
@Component
class Views {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    Views(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> map(Object view) {
        return json.convertValue(view, MAP);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(Object view) {
        Object items = map(view).get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    /** Person id → name, for showing people by name (ids stay in links). */
    Map<String, String> names(Object people) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> p : items(people)) {
            names.put(String.valueOf(p.get("personId")), String.valueOf(p.get("name")));
        }
        return names;
    }
}
