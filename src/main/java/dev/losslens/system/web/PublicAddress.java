package dev.losslens.system.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether learners can follow the links the app hands out (the join QR code, run permalinks): a public URL on this
 * machine's loopback, the default, reaches nobody else. Then the lecturer is told, with an address of this server on
 * its network to set instead.
 */
@Component
public class PublicAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

    private final WebProperties web;
    private final Environment environment;

    PublicAddress(WebProperties web, Environment environment) {
        this.web = web;
        this.environment = environment;
    }

    /** The configured public URL, when it points at this machine only (judged without asking any name server). */
    public Optional<String> unreachable() {
        String host;
        try {
            host = URI.create(web.publicUrl()).getHost();
        } catch (IllegalArgumentException malformed) {
            return Optional.of(web.publicUrl());
        }
        if (host == null) {
            return Optional.of(web.publicUrl());
        }
        boolean loopback = host.equalsIgnoreCase("localhost") || host.toLowerCase().endsWith(".localhost")
                || (LITERAL.matcher(host).matches() && loopbackLiteral(host));
        return loopback ? Optional.of(web.publicUrl()) : Optional.empty();
    }

    /** InetAddress reads an IP address literal without a lookup. */
    private static boolean loopbackLiteral(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** A URL of this server on its local network, to propose as the public URL; empty when it has none. */
    public Optional<String> proposal() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(PublicAddress::upAndReal)
                    .flatMap(face -> Collections.list(face.getInetAddresses()).stream())
                    .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress())
                    .map(address -> "http://" + address.getHostAddress() + ":" + port)
                    .findFirst();
        } catch (SocketException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean upAndReal(NetworkInterface face) {
        try {
            return face.isUp() && !face.isLoopback() && !face.isVirtual();
        } catch (SocketException unreadable) {
            return false;
        }
    }
}
