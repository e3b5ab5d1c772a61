package org.civicledger.query.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
}
