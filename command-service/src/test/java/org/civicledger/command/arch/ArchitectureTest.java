package org.civicledger.command.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the README draws, for command-service: its packages form no cycle, and it knows the query side only
 * through what both share (shared-events, web-support, tlog), never query-service's own classes.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicledger.command");

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.civicledger.command.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theCommandSideUsesNothingOfTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.civicledger.query..").check(CLASSES);
    }
}
