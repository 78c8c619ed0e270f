package dev.losslens.system.rejection;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Several fields rejected at once; the first names the answer's {@code field}, all are listed. */
public class RejectedFieldsException extends RejectedRequestException {

    private final List<Rejection> rejections;

    RejectedFieldsException(HttpStatus status, List<Rejection> rejections) {
        super(status, rejections.get(0).field(), rejections.get(0).code(), rejections.get(0).arguments().toArray());
        this.rejections = List.copyOf(rejections);
    }

    @Override
    public List<Rejection> rejections() {
        return rejections;
    }
}
