package engram.claim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method as asserting a catalogue claim: the property test ({@code control = false}) or its negative
 * control. {@link CatalogueTest} keeps these annotations and {@code properties/} in one-to-one correspondence.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AssertsClaim {
    String value();

    boolean control() default false;
}
