package chipcast.local;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of the functions, pinned: the calculation core and the services are plain Java (no AWS SDK,
 * no Lambda, no HTTP), only the store layer speaks DynamoDB, the API handlers reach it through services, the
 * function modules do not reach into each other, and nothing prints to the standard streams or uses the SDK's internal shaded libraries.
 */
class ArchitectureTest {
    /** The functions' code: core and the function modules, without the local tools and the tests. */
    static final JavaClasses FUNCTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("chipcast.core", "chipcast.chips", "chipcast.forecasts", "chipcast.scenarios",
                    "chipcast.benchmarks", "chipcast.recalc", "chipcast.loader", "chipcast.site");

    /** Domain records, calculators and services. */
    static final String[] DOMAIN = {"chipcast.core.chip..", "chipcast.core.forecast..", "chipcast.core.scenario..",
            "chipcast.core.series..", "chipcast.core.request..", "chipcast.core.benchmark.."};
    static final List<String> FUNCTION_MODULES = List.of("chipcast.chips", "chipcast.forecasts", "chipcast.scenarios",
            "chipcast.benchmarks", "chipcast.recalc", "chipcast.loader", "chipcast.site");

    @Test
    void theClassesWereFound() {
        assertTrue(FUNCTIONS.size() > 100, "imported " + FUNCTIONS.size() + " classes");
    }

    @Test
    void theCoreAndItsServicesHaveNoAwsLambdaOrHttpTypes() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "chipcast.core.http..", "chipcast.core.store.dynamodb..", "chipcast.core.cfn..",
                        "chipcast.core.snapstart..", "chipcast.core.log..", "chipcast.core.bundled..")
                .because("calculators and services are plain Java, unit- and property-tested directly")
                .check(FUNCTIONS);
    }

    @Test
    void onlyTheStoreLayerUsesDynamoDbTypes() {
        noClasses().that().resideOutsideOfPackage("chipcast.core.store.dynamodb..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.dynamodb.model..")
                .check(FUNCTIONS);
        // A handler takes the container's client in its constructor (tests hand it one pointed at dynalite), and
        // passes it to its stores: nothing else outside the store layer touches the SDK.
        noClasses().that().resideOutsideOfPackage("chipcast.core.store.dynamodb..")
                .and().resideOutsideOfPackage("chipcast.site.aws..")
                .and().haveSimpleNameNotEndingWith("Handler").and().haveSimpleNameNotEndingWith("DatasetLoader")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(FUNCTIONS);
        // The site deployer's S3 and CloudFront calls are its adapters' alone (chipcast.site.aws); its logic sees ports.
        noClasses().that().resideInAPackage("chipcast.site").and().haveSimpleNameNotEndingWith("Handler")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "chipcast.site.aws..")
                .check(FUNCTIONS);
    }

    @Test
    void apiHandlersReachTheStoreOnlyThroughServices() {
        // A handler constructs its adapters and hands them to a service; it never reads or writes a table itself.
        DescribedPredicate<JavaMethodCall> storeCall = DescribedPredicate.describe("a store port or adapter",
                call -> {
                    JavaClass owner = call.getTargetOwner();
                    return owner.getPackageName().startsWith("chipcast.core")
                            && (owner.getSimpleName().endsWith("Store") || owner.getPackageName().startsWith("chipcast.core.store.dynamodb"))
                            && !owner.getSimpleName().equals("DynamoClients");
                });
        noClasses().that().resideInAnyPackage("chipcast.chips..", "chipcast.forecasts..", "chipcast.scenarios..",
                        "chipcast.benchmarks..")
                .should().callMethodWhere(storeCall)
                .because("handlers parse the event, call a service and build the response")
                .check(FUNCTIONS);
    }

    @Test
    void functionModulesDoNotImportEachOther() {
        for (String module : FUNCTION_MODULES) {
            String[] others = FUNCTION_MODULES.stream().filter(m -> !m.equals(module)).map(m -> m + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others);
            rule.check(FUNCTIONS);
        }
        noClasses().that().resideInAPackage("chipcast.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FUNCTION_MODULES.stream().map(m -> m + "..")
                        .toArray(String[]::new))
                .check(FUNCTIONS);
    }

    @Test
    void publicLibrariesOnlyAndOneLoggingStyle() {
        noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.thirdparty..")
                .because("the SDK's shaded copies make no compatibility promise")
                .check(FUNCTIONS);
        // WebBuild is the explorer's build, run by Maven and left out of the Lambda jar; it reports to Maven's stderr.
        noClasses().that().doNotHaveSimpleName("WebBuild").should(com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("functions log through chipcast.core.log.Log").check(FUNCTIONS);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(FUNCTIONS);
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(FUNCTIONS);
    }
}
