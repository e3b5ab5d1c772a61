package org.civicledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of refusal rules against the code that raises them and the README that documents them: every rule
 * the services raise is catalogued with the status it is raised with, every catalogued rule is raised somewhere,
 * and the README's error table lists exactly the catalogue, status by status.
 */
class RefusalCatalogueTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> SOURCES = List.of("command-service", "query-service", "web-support",
            "shared-events");
    private static final Map<Pattern, Integer> BY_FACTORY = Map.of(
            Pattern.compile("RuleViolation\\.conflict\\(\\s*\"([a-z0-9-]+)\""), 409,
            Pattern.compile("RuleViolation\\.unprocessable\\(\\s*\"([a-z0-9-]+)\""), 422,
            Pattern.compile("RuleViolation\\.bad(?:Request|Field)\\(\\s*\"([a-z0-9-]+)\""), 400,
            Pattern.compile("RuleViolation\\.notFound\\(\\s*\"([a-z0-9-]+)\""), 404);
    private static final Pattern BY_STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+),\\s*\"([a-z0-9-]+)\"");
    private static final Pattern NOT_FOUND = Pattern.compile("NotFound\\.of\\(\"([a-z-]+)\"");
    private static final Pattern CONSTANT = Pattern.compile("RULE = \"([a-z0-9-]+)\"");
    private static final Pattern CASE = Pattern.compile("case (\\d{3}) -> \"([a-z0-9-]+)\"");

    @Test
    void everyRuleTheServicesRaiseIsCataloguedWithTheStatusItIsRaisedWith() throws IOException {
        Map<String, Set<Integer>> raised = raised();
        Map<String, String> wrong = new TreeMap<>();
        raised.forEach((rule, statuses) -> statuses.forEach(status -> {
            if (status != null && !RefusalRules.status(rule).equals(java.util.Optional.of(status))) {
                wrong.put(rule, "raised with " + statuses + ", catalogued as " + RefusalRules.status(rule)
                        .map(String::valueOf).orElse("nothing"));
            }
        }));
        assertThat(wrong).as("rules raised with another status than the catalogue's, or not catalogued").isEmpty();
    }

    @Test
    void everyCataloguedRuleIsRaisedSomewhere() throws IOException {
        Set<String> named = new TreeSet<>(raised().keySet());
        named.addAll(literals());   // a rule handed to a helper (RecordIds, Attendance.requirePresent) is named there
        Set<String> unused = new TreeSet<>(RefusalRules.all().keySet());
        unused.removeAll(named);
        assertThat(unused).as("catalogued rules no code raises").isEmpty();
    }

    @Test
    void theReadmesErrorTableListsTheCatalogueStatusByStatus() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = readme.substring(readme.indexOf("### Errors"));
        table = table.substring(0, table.indexOf("\n### ", 5) < 0 ? table.length() : table.indexOf("\n### ", 5));
        Map<Integer, Set<String>> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([0-9 /]+) \\|[^|]*\\| (`.*`) \\|$").matcher(table);
        while (row.find()) {
            Set<String> rules = new TreeSet<>();
            Matcher rule = Pattern.compile("`([a-z0-9-]+)`").matcher(row.group(2));
            while (rule.find()) {
                rules.add(rule.group(1));
            }
            for (String status : row.group(1).split("/")) {
                documented.computeIfAbsent(Integer.parseInt(status.strip()), s -> new TreeSet<>()).addAll(rules);
            }
        }
        Map<Integer, Set<String>> catalogued = new TreeMap<>();
        RefusalRules.all().forEach((rule, status) -> catalogued.computeIfAbsent(status, s -> new TreeSet<>())
                .add(rule));
        // A row for "401 / 403" lists both statuses' rules; compare each rule's status, not the rows.
        Map<String, Set<Integer>> byRuleDocumented = new TreeMap<>();
        documented.forEach((status, rules) -> rules.forEach(r -> byRuleDocumented
                .computeIfAbsent(r, x -> new TreeSet<>()).add(status)));
        Map<String, Set<Integer>> byRuleCatalogued = new TreeMap<>();
        catalogued.forEach((status, rules) -> rules.forEach(r -> byRuleCatalogued
                .computeIfAbsent(r, x -> new TreeSet<>()).add(status)));
        assertThat(byRuleDocumented.keySet()).isEqualTo(byRuleCatalogued.keySet());
        byRuleCatalogued.forEach((rule, statuses) -> assertThat(byRuleDocumented.get(rule)).as(rule)
                .containsAll(statuses));
    }

    /** Rule → the statuses the code raises it with (null where the code does not say, e.g. a constant). */
    private static Map<String, Set<Integer>> raised() throws IOException {
        Map<String, Set<Integer>> raised = new HashMap<>();
        for (String module : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    BY_FACTORY.forEach((pattern, status) -> each(pattern, code, m -> add(raised, m.group(1), status)));
                    each(BY_STATUS, code, m -> add(raised, m.group(2), HttpStatus.valueOf(m.group(1)).value()));
                    each(NOT_FOUND, code, m -> add(raised, m.group(1) + "-not-found", 404));
                    each(CONSTANT, code, m -> add(raised, m.group(1), null));
                    each(CASE, code, m -> add(raised, m.group(2), Integer.parseInt(m.group(1))));
                }
            }
        }
        return raised;
    }

    private static Set<String> literals() throws IOException {
        Set<String> literals = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");
        for (String module : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    each(literal, Files.readString(file), m -> literals.add(m.group(1)));
                }
            }
        }
        return literals;
    }

    private static void each(Pattern pattern, String code, java.util.function.Consumer<Matcher> found) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            found.accept(m);
        }
    }

    private static void add(Map<String, Set<Integer>> raised, String rule, Integer status) {
        Set<Integer> statuses = raised.computeIfAbsent(rule, r -> new java.util.HashSet<>());
        if (status != null) {
            statuses.add(status);
        }
    }
}
