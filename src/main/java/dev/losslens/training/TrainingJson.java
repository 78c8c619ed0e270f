package dev.losslens.training;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** One mapper for stored configs: sorted properties, so equal configs give equal text and equal keys. */
final class TrainingJson {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private TrainingJson() {
    }
}
