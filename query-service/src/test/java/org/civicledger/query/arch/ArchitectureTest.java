package org.civicledger.query.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries the README draws, for query-service: its packages form no cycle, and it knows the command side only
 * through what both share (shared-events, web-support, tlog), never command-service's own classes.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicledger.query");

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.civicledger.query.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theQuerySideUsesNothingOfTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.civicledger.command..").check(CLASSES);
    }

    /** Each read model owns its table and its reads: the controllers of the record's packages hold no SQL. */
    @Test
    void controllersOfTheRecordHoldNoSql() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .and().resideInAnyPackage("..query.roster..", "..query.file..", "..query.meeting..", "..query.vote..",
                        "..query.minutes..", "..query.history..", "..query.search..")
                .should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class).check(CLASSES);
    }

    /** Projections declare the events they handle, as Axon's handlers do; only projections have handlers. */
    @Test
    void eventHandlersAreDeclaredOnProjections() {
        methods().that().areAnnotatedWith(Handles.class).should().beDeclaredInClassesThat()
                .implement(Projection.class).check(CLASSES);
        classes().that().implement(Projection.class).should(new ArchCondition<JavaClass>("declare a @Handles method") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (item.getMethods().stream().noneMatch(m -> m.isAnnotatedWith(Handles.class))) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " handles no event"));
                }
            }
        }).check(CLASSES);
    }
}
