package dev.signet.app;

import dev.signet.platform.PlatformConfig;
import dev.signet.platform.crypto.KeyFile;
import dev.signet.platform.crypto.Reseal;
import dev.signet.platform.crypto.SealedColumn;
import dev.signet.platform.crypto.SealedColumns;
import dev.signet.platform.crypto.SecretBox;
import dev.signet.platform.db.Database;
import dev.signet.platform.webhook.Webhooks;
import dev.signet.secrets.Secret;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code signet platform reseal}: seals every stored credential again under the first key of
 * {@code SIGNET_ENCRYPTION_KEY}, bound to its row — values written before bindings existed and values under older
 * keys. Reads the platform's database settings from the environment ({@code SIGNET_DATA_DIR},
 * {@code SIGNET_DATABASE_URL}, {@code SIGNET_ENCRYPTION_KEY}, or the key file of the embedded database); safe to run
 * while the platform runs on PostgreSQL (the embedded H2 database is locked by a running platform).
 */
@Command(
        name = "reseal",
        mixinStandardHelpOptions = true,
        description = {
            "Seals every stored credential again under the first key of SIGNET_ENCRYPTION_KEY (a comma-separated list:"
                    + " the first seals, all open), bound to its row.",
            "Rotation: put the new key first, restart the platform, run this, then drop the old key.",
            "Reads SIGNET_DATA_DIR, SIGNET_DATABASE_URL and SIGNET_ENCRYPTION_KEY from the environment."
        })
final class ResealCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return run(System.getenv(), spec.commandLine().getOut());
    }

    /** Re-seals with {@code env}'s settings; 0 when every value is under the first key, 1 when some would not open. */
    static int run(Map<String, String> env, PrintWriter out) {
        Path dataDir = Path.of(env.getOrDefault(
                        "SIGNET_DATA_DIR",
                        Path.of(System.getProperty("user.home"), ".signet").toString()))
                .toAbsolutePath();
        String databaseUrl = env.getOrDefault("SIGNET_DATABASE_URL", PlatformConfig.embeddedUrl(dataDir));
        String keys = env.get("SIGNET_ENCRYPTION_KEY");
        Secret key;
        if (keys != null && !keys.isBlank()) {
            key = Secret.of(keys);
        } else if (PlatformConfig.usesEmbeddedDatabase(databaseUrl)
                && Files.isRegularFile(dataDir.resolve(KeyFile.NAME))) {
            key = KeyFile.resolve(null, dataDir, new SecureRandom());
        } else {
            throw new IllegalArgumentException("SIGNET_ENCRYPTION_KEY is required (base64 keys, comma-separated)");
        }
        SecretBox box;
        try {
            box = SecretBox.of(key, new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SIGNET_ENCRYPTION_KEY: " + e.getMessage(), e);
        }
        try (Database database = Database.open(databaseUrl, 2)) {
            List<SealedColumn> columns = new ArrayList<>(SealedColumns.ALL);
            columns.add(Webhooks.sealedEndpoints());
            Reseal.Result result = Reseal.run(database.jdbi(), box, columns);
            out.println("signet platform reseal: " + result.resealed() + " re-sealed, " + result.current()
                    + " already current, " + result.changed() + " changed meanwhile (left as written), "
                    + result.unopenable().size() + " that no key opens");
            result.unopenable().forEach(where -> out.println("  does not open: " + where));
            out.flush();
            return result.unopenable().isEmpty() ? 0 : 1;
        }
    }
}
