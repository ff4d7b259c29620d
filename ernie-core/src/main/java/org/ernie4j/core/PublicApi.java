package org.ernie4j.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of ernie-core that code outside the core may use: applications that embed it (see
 * {@code org.ernie4j.core.embed}), the runner, and distributed drivers such as the runner's Spark mode, which plug in
 * through {@code StepComputer}. A marked class's nested classes belong to the API with it. Everything unmarked is the
 * core's own business (the engines' kernels, the session's parts, file formats) and may change in any release.
 *
 * <p>Kept at run time so that the architecture tests, which read compiled classes, can hold every module outside the
 * core to the marked classes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicApi
{
}
