/** The dashboard: server-rendered pages on the API's port that sign in with an API key and steer bots. */
@NullMarked
package dev.signet.platform.dashboard;

import org.jspecify.annotations.NullMarked;
