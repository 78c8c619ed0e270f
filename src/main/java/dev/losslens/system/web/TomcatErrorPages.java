package dev.losslens.system.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the app sees them (a malformed request line or path) get the app's security
 * headers too, and a page that names neither the server nor a stack.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(HeaderedErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error report with the headers {@link SecurityHeaders} gives every page of the app. */
    public static class HeaderedErrorReport extends ErrorReportValve {

        public HeaderedErrorReport() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            SecurityHeaders.apply(response, SecurityHeaders.POLICY);
            super.report(request, response, throwable);
        }
    }
}
