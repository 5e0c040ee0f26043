package dev.signet.app.e2e;

/** The demo's stories on the embedded H2 database. */
class DemoScenariosTest extends DemoScenariosContract {
    @Override
    E2eStack.Options options() {
        return E2eStack.Options.standard();
    }
}
