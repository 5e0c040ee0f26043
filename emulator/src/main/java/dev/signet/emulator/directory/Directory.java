package dev.signet.emulator.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Who exists in the emulated Zoom: accounts, users and apps. Thread-safe; writes are serialized. */
public final class Directory {
    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> userIdsByEmail = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, S2sApp> s2sApps = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, OAuthApp> oauthApps = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SdkApp> sdkApps = new ConcurrentHashMap<>();

    /** Adds an account, or replaces the one with its id. */
    public synchronized void putAccount(Account account) {
        accounts.put(account.id(), account);
    }

    /** Adds a user of an existing account; its id and email must be new. */
    public synchronized void addUser(User user) {
        requireAccount(user.accountId());
        String email = user.email().toLowerCase(Locale.ROOT);
        if (users.containsKey(user.id())) {
            throw new IllegalArgumentException("user id " + user.id() + " already exists");
        }
        if (userIdsByEmail.containsKey(email)) {
            throw new IllegalArgumentException("user email " + user.email() + " already exists");
        }
        users.put(user.id(), user);
        userIdsByEmail.put(email, user.id());
    }

    /** Adds (or replaces) an S2S app of an existing account. */
    public synchronized void putS2sApp(S2sApp app) {
        requireAccount(app.accountId());
        s2sApps.put(app.clientId(), app);
    }

    /** Adds (or replaces) a user-level OAuth app of an existing account. */
    public synchronized void putOAuthApp(OAuthApp app) {
        requireAccount(app.accountId());
        oauthApps.put(app.clientId(), app);
    }

    /** Adds (or replaces) a Meeting SDK app of an existing account. */
    public synchronized void putSdkApp(SdkApp app) {
        requireAccount(app.accountId());
        sdkApps.put(app.key(), app);
    }

    public Optional<Account> findAccount(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** The account with {@code id}; throws {@link IllegalArgumentException} naming it when there is none. */
    public Account getAccount(String id) {
        return findAccount(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
    }

    /** The user with this id or (case-insensitive) email. */
    public Optional<User> findUser(String idOrEmail) {
        User byId = users.get(idOrEmail);
        if (byId != null) {
            return Optional.of(byId);
        }
        String id = userIdsByEmail.get(idOrEmail.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
    }

    public Optional<S2sApp> findS2sApp(String clientId) {
        return Optional.ofNullable(s2sApps.get(clientId));
    }

    public Optional<OAuthApp> findOAuthApp(String clientId) {
        return Optional.ofNullable(oauthApps.get(clientId));
    }

    public Optional<SdkApp> findSdkApp(String key) {
        return Optional.ofNullable(sdkApps.get(key));
    }

    /** Changes an account's plan; throws when there is no such account. */
    public synchronized Account setPlan(String accountId, Plan plan) {
        Account changed = getAccount(accountId).withPlan(plan);
        accounts.put(accountId, changed);
        return changed;
    }

    /** Blocks or unblocks an account; throws when there is no such account. */
    public synchronized Account setBlocked(String accountId, boolean blocked) {
        Account changed = getAccount(accountId).withBlocked(blocked);
        accounts.put(accountId, changed);
        return changed;
    }

    /** Deletes a user; answers the deleted user, if there was one. */
    public synchronized Optional<User> deleteUser(String idOrEmail) {
        Optional<User> user = findUser(idOrEmail);
        user.ifPresent(u -> {
            users.remove(u.id());
            userIdsByEmail.remove(u.email().toLowerCase(Locale.ROOT));
        });
        return user;
    }

    /** All accounts, by id. */
    public List<Account> accounts() {
        List<Account> all = new ArrayList<>(accounts.values());
        all.sort(Comparator.comparing(Account::id));
        return all;
    }

    /** All users, by id. */
    public List<User> users() {
        List<User> all = new ArrayList<>(users.values());
        all.sort(Comparator.comparing(User::id));
        return all;
    }

    private void requireAccount(String accountId) {
        if (!accounts.containsKey(accountId)) {
            throw new IllegalArgumentException("no account " + accountId);
        }
    }
}
