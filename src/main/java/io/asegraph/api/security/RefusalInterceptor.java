package io.asegraph.api.security;

import io.asegraph.api.ForbiddenException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Wraps Quarkus's {@code @RolesAllowed} check (interceptor priority 150; this one is 100, so outside it): its refusal
 * ({@code io.quarkus.security.ForbiddenException}, or {@code UnauthorizedException} for an anonymous caller let in by
 * anonymous reads) becomes {@link ForbiddenException}, whose {@code extensions.code} is FORBIDDEN and whose message
 * names the field and the roles it needs. The resolver did not run: nothing was read or written.
 */
@CodedRefusals
@Interceptor
@Priority(100)
public class RefusalInterceptor {
    @AroundInvoke
    Object refuseWithCode(InvocationContext ic) throws Exception {
        try {
            return ic.proceed();
        } catch (io.quarkus.security.ForbiddenException | io.quarkus.security.UnauthorizedException e) {
            Method m = ic.getMethod();
            RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
            if (roles == null) {
                roles = m.getDeclaringClass().getAnnotation(RolesAllowed.class);
            }
            String needed = roles == null ? "another role" : "the role " + String.join(" or ", roles.value());
            throw new ForbiddenException(m.getName() + " needs " + needed + "; nothing was done");
        }
    }
}
