package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.oci.Descriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token and Basic flows against fake registries (the real one has no token server). */
class RegistryAuthTest {
    private static final Fixtures IMAGE = Fixtures.image("auth");

    @TempDir
    Path root;

    private RegistryClient client(CredentialProvider credentials) {
        return new RegistryClient(new LocalContentStore(root), RegistryOptions.defaults()
                .withCredentials(credentials).withRetries(Duration.ofMillis(1), 1));
    }

    /** A registry that wants {@code Bearer <token>} and a token server that hands it out. */
    private static FakeRegistry bearerRegistry(String token, AtomicInteger tokenRequests,
                                               FakeRegistry.Handler tokenServer) throws Exception {
        FakeRegistry[] self = new FakeRegistry[1];
        self[0] = new FakeRegistry(r -> {
            if (r.path().equals("/token")) {
                tokenRequests.incrementAndGet();
                return tokenServer.handle(r);
            }
            if (!("Bearer " + token).equals(r.header("Authorization"))) {
                return FakeRegistry.Response.json(401,
                        "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                        "WWW-Authenticate", "Bearer realm=\"http://" + self[0].host() + "/token\",service=\"fake\","
                                + "scope=\"repository:team/app:pull\"");
            }
            return IMAGE.serve(r);
        });
        return self[0];
    }

    @Test
    void bearer_anonymousToken_isFetchedOnceAndReusedForTheScope() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        try (FakeRegistry reg = bearerRegistry("anon-token", tokenRequests,
                r -> FakeRegistry.Response.json(200, "{\"token\":\"anon-token\",\"expires_in\":300}"))) {
            RegistryClient client = client(CredentialProvider.anonymous());
            ImageReference ref = ImageReference.parse(reg.host() + "/team/app:latest");
            Descriptor index = client.resolve(ref);
            client.fetch(ref, IMAGE.manifestDescriptor());
            client.fetchAll(ref, java.util.List.of(IMAGE.configDescriptor(), IMAGE.layerDescriptor()));

            assertThat(index).isEqualTo(IMAGE.indexDescriptor());
            assertThat(tokenRequests).hasValue(1);
            FakeRegistry.Request tokenRequest = reg.requests("GET", "/token").getFirst();
            assertThat(tokenRequest.header("Authorization")).isNull();
            assertThat(URLDecoder.decode(tokenRequest.query(), StandardCharsets.UTF_8))
                    .isEqualTo("service=fake&scope=repository:team/app:pull");
            // Only the very first request went without a token.
            assertThat(reg.requests().stream().filter(r -> !r.path().equals("/token") && r.header("Authorization") == null))
                    .hasSize(1);
        }
    }

    @Test
    void bearer_withCredentials_authenticatesToTheTokenServerWithBasic() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        try (FakeRegistry reg = bearerRegistry("user-token", tokenRequests, r ->
                ("Basic " + Authorizer.basic(new Credentials("alice", "pw"))).equals(r.header("Authorization"))
                        ? FakeRegistry.Response.json(200, "{\"access_token\":\"user-token\"}")
                        : FakeRegistry.Response.json(401, "{\"details\":\"bad login\"}"))) {
            CredentialProvider alice = host -> host.equals(reg.host()) ? Optional.of(new Credentials("alice", "pw")) : Optional.empty();
            assertThat(client(alice).resolve(ImageReference.parse(reg.host() + "/team/app")))
                    .isEqualTo(IMAGE.indexDescriptor());

            CredentialProvider mallory = host -> Optional.of(new Credentials("mallory", "guess"));
            assertThatThrownBy(() -> client(mallory).resolve(ImageReference.parse(reg.host() + "/team/app")))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED))
                    .hasMessage("registry " + reg.host() + ": token request to http://" + reg.host()
                            + "/token failed: 401 Unauthorized: {\"details\":\"bad login\"}");
        }
    }

    @Test
    void bearer_identityToken_usesTheOAuthRefreshGrant() throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        try (FakeRegistry reg = bearerRegistry("oauth-token", tokenRequests, r -> {
            String form = new String(r.body(), StandardCharsets.UTF_8);
            return r.method().equals("POST") && form.contains("grant_type=refresh_token")
                    && form.contains("refresh_token=the-refresh-token")
                    ? FakeRegistry.Response.json(200, "{\"access_token\":\"oauth-token\",\"expires_in\":60}")
                    : FakeRegistry.Response.json(400, "{}");
        })) {
            CredentialProvider token = host -> Optional.of(Credentials.identityToken("the-refresh-token"));
            assertThat(client(token).resolve(ImageReference.parse(reg.host() + "/team/app")))
                    .isEqualTo(IMAGE.indexDescriptor());
            assertThat(reg.requests("POST", "/token")).hasSize(1);
        }
    }

    @Test
    void basic_challengeIsAnsweredWithCredentials_andRefusalsAreReported() throws Exception {
        String good = "Basic " + Authorizer.basic(new Credentials("bob", "secret"));
        try (FakeRegistry reg = new FakeRegistry(r -> good.equals(r.header("Authorization"))
                ? IMAGE.serve(r)
                : FakeRegistry.Response.json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                "WWW-Authenticate", "Basic realm=\"fake\""))) {
            ImageReference ref = ImageReference.parse(reg.host() + "/team/app:latest");
            assertThat(client(host -> Optional.of(new Credentials("bob", "secret"))).resolve(ref))
                    .isEqualTo(IMAGE.indexDescriptor());

            assertThatThrownBy(() -> client(host -> Optional.of(new Credentials("bob", "wrong"))).resolve(ref))
                    .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED))
                    .hasMessage("registry " + reg.host() + " denied access to " + ref + ": 401 Unauthorized: authentication required");
            assertThatThrownBy(() -> client(CredentialProvider.anonymous()).resolve(ref))
                    .hasMessage("registry " + reg.host() + " denied access to " + ref
                            + ": 401 Unauthorized: authentication required (no credentials for " + reg.host() + " in the docker config)");
        }
    }

    @Test
    void credentialsAreNotSentToAnotherHostOnRedirect() throws Exception {
        String auth = "Basic " + Authorizer.basic(new Credentials("bob", "secret"));
        try (FakeRegistry storage = new FakeRegistry(IMAGE::serve);
             FakeRegistry reg = new FakeRegistry(r -> {
                 if (!auth.equals(r.header("Authorization"))) {
                     return FakeRegistry.Response.status(401, "WWW-Authenticate", "Basic realm=\"fake\"");
                 }
                 return r.path().contains("/blobs/")
                         ? FakeRegistry.Response.status(307, "Location", "http://" + "localhost:"
                         + storage.host().split(":")[1] + "/storage" + r.path())
                         : IMAGE.serve(r);
             })) {
            RegistryClient client = client(host -> Optional.of(new Credentials("bob", "secret")));
            client.fetch(ImageReference.parse(reg.host() + "/team/app"), IMAGE.layerDescriptor());
            assertThat(storage.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).endsWith(IMAGE.layerDescriptor().digest());
                assertThat(r.header("Authorization")).isNull();
            });
        }
    }

    @Test
    void realBasicAuthRegistry_acceptsDockerConfigCredentials(@TempDir Path dockerConfig) throws Exception {
        String host = TestEnv.registry("TESTENV_AUTH_REGISTRY");
        String user = TestEnv.get("TESTENV_AUTH_USER");
        String password = TestEnv.get("TESTENV_AUTH_PASSWORD");
        java.nio.file.Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + host + "\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        ImageReference ref = ImageReference.parse(host + "/library/busybox:latest");

        Descriptor d = client(new DockerConfigCredentials(dockerConfig, java.util.List.of())).resolve(ref);
        assertThat(d.digest()).isEqualTo(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));

        assertThatThrownBy(() -> client(h -> Optional.of(new Credentials(user, "wrong"))).resolve(ref))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED))
                .hasMessage("registry " + host + " denied access to " + ref + ": 401 Unauthorized: authentication required");
    }
}
