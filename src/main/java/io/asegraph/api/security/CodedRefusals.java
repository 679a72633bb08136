package io.asegraph.api.security;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every GraphQL API class, beside its {@code @RolesAllowed}: a refusal by the role check becomes the GraphQL error
 * FORBIDDEN (see {@link RefusalInterceptor}).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodedRefusals {}
