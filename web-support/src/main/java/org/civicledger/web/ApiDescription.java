package org.civicledger.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every operation of both APIs documents its refusals: a problem document ({@code application/problem+json}) per
 * status, with the rules from {@link RefusalRules} that answer with it. Reads list the reads' statuses, writes add the
 * login, size and throttling ones.
 */
final class ApiDescription implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final List<Integer> READS = List.of(400, 404, 500, 503);
    private static final List<Integer> WRITES = List.of(400, 401, 403, 404, 409, 413, 422, 429, 500, 503);

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            for (int status : method.name().equals("GET") ? READS : WRITES) {
                responses.addApiResponse(Integer.toString(status), refusal(status));
            }
            operation.setResponses(responses);
        }));
    }

    private static ApiResponse refusal(int status) {
        String rules = RefusalRules.withStatus(status).stream().map(r -> "`" + r + "`")
                .collect(Collectors.joining(", "));
        return new ApiResponse().description("Refused; `rule` is one of: " + rules)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `rule` names the rule that refused the request")
                .addProperty("type", new StringSchema().example("urn:civic-ledger:problem:already-cosponsor"))
                .addProperty("title", new StringSchema().example("already-cosponsor"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema())
                .addProperty("rule", new StringSchema()._enum(List.copyOf(RefusalRules.all().keySet())))
                .addProperty("field", new StringSchema().description("the request field the rule is about"));
    }
}
