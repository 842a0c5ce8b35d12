package ru.parus.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

import ru.parus.platform.testing.fixture.repository.CustomerCounts;
import ru.parus.platform.testing.fixture.service.AskingService;
import ru.parus.platform.testing.fixture.service.QueryingService;

/** The rules catch what they are for, and pass what keeps them. */
class ArchitectureRulesTest {
    @Test
    void aServiceWithItsOwnSqlBreaksTheRule() {
        EvaluationResult result = ArchitectureRules.queriesOnlyInRepositories()
                .evaluate(new ClassFileImporter().importClasses(QueryingService.class));
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("QueryingService.count()"),
                result.getFailureReport().toString());
    }

    @Test
    void aServiceAskingARepositoryKeepsIt() {
        EvaluationResult result = ArchitectureRules.queriesOnlyInRepositories()
                .evaluate(new ClassFileImporter().importClasses(AskingService.class, CustomerCounts.class));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void testCodeDependingOnJUnitBreaksTheMainCodeRule() {
        EvaluationResult result = ArchitectureRules.noTestSupportInMainCode()
                .evaluate(new ClassFileImporter().importClasses(ArchitectureRulesTest.class));
        assertTrue(result.hasViolation());
    }
}
