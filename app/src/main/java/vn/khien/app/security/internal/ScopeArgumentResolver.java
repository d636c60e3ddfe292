package vn.khien.app.security.internal;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.security.CurrentCaller;

/** Lets any controller method declare a {@link UnitScope} parameter and receive the caller's scope. */
@Configuration(proxyBeanMethods = false)
class ScopeArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    private final CurrentCaller caller;

    ScopeArgumentResolver(CurrentCaller caller) {
        this.caller = caller;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(UnitScope.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return caller.scope();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
