package ru.parus.fulfillment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.parus.infra.test.ParusTestResource;

/** Every {@code @QuarkusTest} of this module runs against a real broker, database and SMTP server. */
@QuarkusTestResource(value = ParusTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
