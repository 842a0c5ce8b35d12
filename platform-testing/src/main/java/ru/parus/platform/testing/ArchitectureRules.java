package ru.parus.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service keeps (docs/architecture.md), checked on its compiled main classes by a plain JUnit test
 * of each service: {@code ArchitectureRules.check("ru.parus.order")}.
 * <ul>
 * <li>Query text (SQL, JPQL, Panache query strings) only in {@code repository}: {@code service} and {@code rest}
 * ask repositories.</li>
 * <li>No test support in main code: nothing from JUnit, Quarkus' test framework, REST Assured, Testcontainers or this
 * module.</li>
 * </ul>
 */
public final class ArchitectureRules {
    private static final Set<String> QUERY_METHODS = Set.of("find", "list", "stream", "count", "update", "delete");

    private ArchitectureRules() {
    }

    /** The main classes (no test classes) under {@code basePackage}. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Services and resources run no query text of their own. */
    public static ArchRule queriesOnlyInRepositories() {
        return noClasses().that().resideInAnyPackage("..service..", "..rest..")
                .should().callMethodWhere(runsQueryText())
                .as("query text (SQL, JPQL, Panache queries) lives in repository classes, not in service or rest");
    }

    /** Main code carries no test support. */
    public static ArchRule noTestSupportInMainCode() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "io.quarkus.test..",
                "io.restassured..", "org.testcontainers..", "ru.parus.platform.testing..", "org.assertj..",
                "org.mockito..")
                .as("test support stays in test code and platform-testing");
    }

    /** Checks every rule on {@code basePackage}'s main classes; throws an AssertionError listing each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        queriesOnlyInRepositories().check(classes);
        noTestSupportInMainCode().check(classes);
    }

    /**
     * A call that hands query text to the database: EntityManager's or Hibernate Session's create*Query, JDBC's
     * statements, and Panache's find/list/stream/count/update/delete with a query string.
     */
    static DescribedPredicate<JavaMethodCall> runsQueryText() {
        return DescribedPredicate.describe("runs query text", call -> {
            var target = call.getTarget();
            var owner = target.getOwner();
            String name = target.getName();
            if ((owner.isAssignableTo("jakarta.persistence.EntityManager")
                    || owner.isAssignableTo("org.hibernate.Session"))
                    && name.startsWith("create") && name.endsWith("Query")) {
                return true;
            }
            if (owner.isAssignableTo("java.sql.Connection")
                    && (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))) {
                return true;
            }
            boolean panache = owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                    || owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");
            return panache && QUERY_METHODS.contains(name) && !target.getRawParameterTypes().isEmpty()
                    && target.getRawParameterTypes().get(0).isEquivalentTo(String.class);
        });
    }
}
