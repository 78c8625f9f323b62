package chipcast.local;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The local server on a free port for one test class: started before its first test, closed after its last. */
final class LocalServerExtension implements BeforeAllCallback, AfterAllCallback {
    private LocalServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new LocalServer(TestStack.env(), 0);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    String url() {
        return server.url();
    }

    int port() {
        return server.port();
    }
}
