package dev.losslens.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Every request body is bounded before anything parses it: one larger than {@code losslens.web.max-body-bytes}
 * answers 413 at once (by its declared length, or once that many bytes have arrived), and a JSON body that is not
 * valid UTF-8 answers 400. Form bodies are bounded by the same number through Tomcat's form size limit, read here.
 * A multipart upload to an {@link UploadRoute} has that route's own bound and the multipart limits instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BoundedBodies extends OncePerRequestFilter {

    /** A page's upload refused here: its error page is then sent whole, with its length. */
    private static final String REFUSED_UPLOAD = BoundedBodies.class.getName() + ".refusedUpload";

    private final WebProperties limits;
    private final List<UploadRoute> uploads;

    BoundedBodies(WebProperties limits, ObjectProvider<UploadRoute> uploads) {
        this.limits = limits;
        this.uploads = uploads.orderedStream().toList();
    }

    /** The error page of a refused upload passes here too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (request.getAttribute(REFUSED_UPLOAD) == null) {
                chain.doFilter(request, response);
                return;
            }
            // the browser is still sending the body the connection will close on: a page sent whole, with its length,
            // reaches it before that, where one sent in chunks as it renders would be cut off
            ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, whole);
            whole.copyBodyToResponse();
            return;
        }
        long declared = request.getContentLengthLong();
        boolean hasBody = declared > 0 || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        UploadRoute upload = isMultipart(request) ? uploads.stream()
                .filter(route -> route.matches(request.getMethod(), request.getRequestURI())).findFirst().orElse(null)
                : null;
        if (upload != null) {
            upload(request, response, chain, upload, declared);
            return;
        }
        if (declared > limits.maxBodyBytes()) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        if (isForm(request)) {
            try {
                // Tomcat reads and bounds the form here, where its refusal is answered quietly rather than escaping
                // a controller with a stack trace in the log (a chunked body declares no length to check first)
                request.getParameterMap();
            } catch (InvalidParameterException refused) {
                boolean tooLarge = refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
                refuse(response, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                        tooLarge ? tooLarge() : "The form body is malformed");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limits.maxBodyBytes() + 1);
        if (body.length > limits.maxBodyBytes()) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        if (isJson(request) && !isUtf8(body)) {
            refuse(response, HttpStatus.BAD_REQUEST, "The request body is not valid UTF-8");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /**
     * Tomcat parses the parts now, under the multipart limits, spooling files past the threshold to disk: a body past
     * its bound is refused here, quietly, before security or a controller asks for a parameter and gets none.
     */
    private static void upload(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                               UploadRoute upload, long declared) throws ServletException, IOException {
        if (declared > upload.maxBytes()) {
            refuseUpload(request, response, upload);
            return;
        }
        try {
            request.getParts();
        } catch (IllegalStateException pastTheLimits) {
            refuseUpload(request, response, upload);
            return;
        } catch (IOException | ServletException malformed) {
            refuse(response, HttpStatus.BAD_REQUEST, "The upload is not a readable multipart/form-data body");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The API answers a Problem; a page, the error page for 413, which says where the limits are shown. */
    private static void refuseUpload(HttpServletRequest request, HttpServletResponse response, UploadRoute upload)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, upload.tooLarge());
        } else {
            // marks the multipart body as already refused, so the error page's dispatch does not try to read it again
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(upload.maxBytes()));
            request.setAttribute(REFUSED_UPLOAD, upload);
            response.setHeader("Connection", "close");
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), upload.tooLarge());
        }
    }

    private String tooLarge() {
        return "The request body is larger than %d bytes".formatted(limits.maxBodyBytes());
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponse.write(response, status, detail, "body");
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
