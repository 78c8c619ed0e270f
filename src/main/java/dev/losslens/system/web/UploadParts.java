package dev.losslens.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Multipart bodies are read as parts on the {@link UploadRoute}s alone: anywhere else such a body is what it was before
 * uploads existed, a body of a type the route does not take (415, or a form without its fields).
 */
@Configuration(proxyBeanMethods = false)
class UploadParts {

    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver(ObjectProvider<UploadRoute> uploads) {
        List<UploadRoute> routes = uploads.orderedStream().toList();
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return super.isMultipart(request)
                        && routes.stream().anyMatch(route -> route.matches(request.getMethod(), request.getRequestURI()));
            }
        };
    }
}
