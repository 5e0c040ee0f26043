package dev.signet.app.e2e;

/** The restart rule on the embedded H2 database. */
class RestartTest extends RestartContract {
    @Override
    E2eStack.Options options() {
        return E2eStack.Options.standard();
    }
}
