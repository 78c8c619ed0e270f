package dev.losslens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may reach what: learners' pages stay open; every instructor and administrator route refuses anonymous and
 * learner requests (a page sends them to sign in, the API answers 401), an instructor never reaches the
 * administrator's, a form without its CSRF token changes nothing, and a class session answers to its owner.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:access-rules;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AccessRulesTest {

    /** Every instructor and administrator route: method and path. */
    private static final List<String> INSTRUCTOR_ROUTES = List.of("GET /instructor", "GET /api/instructor/datasets",
            "GET /instructor/questions", "POST /instructor/questions", "POST /instructor/questions/import",
            "GET /api/instructor/questions", "POST /api/instructor/questions", "POST /api/instructor/questions/import",
            "DELETE /api/instructor/questions/1",
            "GET /instructor/datasets", "POST /instructor/datasets", "GET /instructor/datasets/x",
            "POST /instructor/datasets/x/delete", "POST /api/instructor/datasets", "POST /api/instructor/datasets/check",
            "GET /api/instructor/datasets/x", "DELETE /api/instructor/datasets/x", "PUT /api/instructor/questions/1",
            "GET /instructor/results", "GET /instructor/results/K7QMF", "GET /instructor/results/K7QMF/polls.csv",
            "GET /instructor/results/mastery.csv");
    private static final List<String> ADMINISTRATOR_ROUTES = List.of("GET /admin", "POST /admin/instructors",
            "POST /admin/instructors/jo/remove", "GET /api/admin/audit");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc plainMvc;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult request(String route, RequestPostProcessor... as) {
        String[] parts = route.split(" ");
        var request = parts[0].equals("GET") ? mvc.get().uri(parts[1])
                : mvc.method(HttpMethod.valueOf(parts[0])).uri(parts[1]).with(csrf());
        for (var person : as) {
            request = request.with(person);
        }
        return request.exchange();
    }

    private long accounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    @Test
    void learnersPagesStayOpenAndEveryInstructorRouteRefusesThem() {
        for (String open : List.of("/", "/explore", "/runs/new", "/runs", "/learn", "/quiz", "/lecture", "/join",
                "/login")) {
            assertThat(mvc.get().uri(open).exchange()).as(open).hasStatusOk();
        }
        for (String route : concat(INSTRUCTOR_ROUTES, ADMINISTRATOR_ROUTES)) {
            MvcTestResult anonymous = request(route);
            if (route.contains(" /api/")) {
                assertThat(anonymous).as(route).hasStatus(401);
                assertThat(anonymous.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            } else {
                assertThat(anonymous).as(route).hasStatus(302);
                assertThat(anonymous.getResponse().getRedirectedUrl()).as(route).endsWith("/login");
            }
        }
        for (String route : ADMINISTRATOR_ROUTES) {
            assertThat(request(route, user("jo").roles(Role.INSTRUCTOR.name()))).as("an instructor at " + route)
                    .hasStatus(403);
        }
        assertThat(request("GET /instructor", user("jo").roles(Role.INSTRUCTOR.name()))).hasStatusOk();
    }

    @Test
    void aFormWithoutItsTokenChangesNothingAndASignedInSessionNeedsTheTokenForJsonToo() {
        long before = accounts();
        var administrator = user("admin").roles(Role.ADMINISTRATOR.name());
        assertThat(mvc.post().uri("/admin/instructors").with(administrator)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=mallory&password=long-enough-pw")
                .exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/admin/instructors").with(administrator).with(csrf().useInvalidToken())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=mallory&password=long-enough-pw")
                .exchange()).hasStatus(403);
        assertThat(accounts()).isEqualTo(before);

        // JSON from a script with no sign-in session needs no token; the same request from a signed-in browser does
        assertThat(mvc.post().uri("/api/classes").contentType(MediaType.APPLICATION_JSON).content("{}").exchange())
                .hasStatus(201);
        assertThat(mvc.post().uri("/api/classes").cookie(new Cookie("SESSION", "c2lnbmVkLWlu"))
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange()).hasStatus(403);
    }

    @Test
    void theAdministratorAddsAndRemovesInstructorsWhoThenSignInOrNot() throws Exception {
        var administrator = user("admin").roles(Role.ADMINISTRATOR.name());
        MvcTestResult weak = mvc.post().uri("/admin/instructors").with(administrator).with(csrf())
                .param("username", "jo").param("password", "short").exchange();
        assertThat(weak).hasStatusOk();
        assertThat(weak.getResponse().getContentAsString()).contains("at least 12 characters");
        for (String bad : List.of("../etc", "<script>", "", "a")) {
            assertThat(mvc.post().uri("/admin/instructors").with(administrator).with(csrf()).param("username", bad)
                    .param("password", "a-long-password").exchange().getResponse().getContentAsString())
                    .as(bad).contains("The name must be 2 to 40");
        }
        assertThat(mvc.post().uri("/admin/instructors").with(administrator).with(csrf()).param("username", "Jo")
                .param("password", "a-long-password").exchange()).hasStatus(302);
        assertThat(mvc.post().uri("/admin/instructors").with(administrator).with(csrf()).param("username", "jo")
                .param("password", "another-password").exchange().getResponse().getContentAsString())
                .as("names compare in lower case").contains("That name is taken");
        assertThat(jdbc.sql("select password_hash from account where username = 'jo'").query(String.class).single())
                .as("only a BCrypt hash is stored").startsWith("$2a$").doesNotContain("a-long-password");

        assertThat(plainMvc.perform(formLogin("/login").user("jo").password("a-long-password")).andReturn()
                .getResponse().getRedirectedUrl()).endsWith("/instructor");
        assertThat(mvc.post().uri("/admin/instructors/jo/remove").with(administrator).with(csrf()).exchange())
                .hasStatus(302);
        assertThat(plainMvc.perform(formLogin("/login").user("jo").password("a-long-password")).andReturn()
                .getResponse().getRedirectedUrl()).endsWith("/login?failed");
        assertThat(mvc.get().uri("/admin").with(administrator).exchange().getResponse().getContentAsString())
                .contains("Added an instructor", "Removed an instructor");
    }

    @Test
    void theFirstAdministratorsGeneratedPasswordIsLoggedOnceAndWorks(CapturedOutput output) throws Exception {
        Matcher logged = Pattern.compile("Administrator 'admin' created with the password (\\S+) ").matcher(output.getAll());
        assertThat(logged.find()).as("the password in the log").isTrue();
        String password = logged.group(1);
        assertThat(logged.find()).as("printed once").isFalse();
        assertThat(jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single())
                .doesNotContain(password);
        assertThat(plainMvc.perform(formLogin("/login").user("admin").password(password)).andReturn().getResponse()
                .getRedirectedUrl()).endsWith("/instructor");
    }

    @Test
    void aClassSessionOpenedSignedInAnswersToItsOwnerAndAdministratorsOnly() throws Exception {
        MvcTestResult opened = mvc.post().uri("/api/classes").with(user("ana").roles(Role.INSTRUCTOR.name()))
                .with(csrf()).exchange();
        assertThat(opened).hasStatus(201);
        String code = opened.getResponse().getContentAsString().replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
        String next = "{\"action\": \"next\"}";
        assertThat(mvc.post().uri("/api/classes/" + code + "/control").with(user("ben").roles(Role.INSTRUCTOR.name()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(next).exchange())
                .as("another instructor").hasStatus(403);
        assertThat(mvc.get().uri("/api/classes/" + code + "/results.csv").with(user("ben").roles(Role.INSTRUCTOR.name()))
                .exchange()).as("another instructor's export").hasStatus(403);
        assertThat(mvc.post().uri("/api/classes/" + code + "/control").with(user("ana").roles(Role.INSTRUCTOR.name()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(next).exchange())
                .as("the owner, from another computer").hasStatusOk();
        assertThat(mvc.post().uri("/api/classes/" + code + "/control").with(user("root").roles(Role.ADMINISTRATOR.name()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(next).exchange())
                .as("an administrator").hasStatusOk();
        assertThat(mvc.get().uri("/api/classes/" + code + "/results.csv").with(user("ana").roles(Role.INSTRUCTOR.name()))
                .exchange()).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'ana' and action = 'export-class-results' "
                + "and subject = ?").param(code).query(Integer.class).single()).isEqualTo(1);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
