package dev.losslens.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressTest {

    private static PublicAddress of(String url) {
        return new PublicAddress(new WebProperties(65536, url), new MockEnvironment());
    }

    @Test
    void aLoopbackUrlReachesNobodyElse() {
        assertThat(of("http://localhost:8080").unreachable()).contains("http://localhost:8080");
        assertThat(of("http://127.0.0.1:9000/").unreachable()).isPresent();
        assertThat(of("http://[::1]:8080").unreachable()).isPresent();
        assertThat(of("http://10.1.2.3:8080").unreachable()).isEmpty();
        assertThat(of("https://losslens.example.edu").unreachable()).as("an unresolvable name is not ours to judge")
                .isEmpty();
    }

    @Test
    void theProposalIsAnAddressOfThisServerOnItsNetwork() {
        of("http://localhost:8080").proposal().ifPresent(url -> assertThat(url)
                .matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+:8080").doesNotStartWith("http://127."));
    }
}
