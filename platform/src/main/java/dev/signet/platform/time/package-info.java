/** How platform code waits: the injected {@link Pause}, and the {@link Doorbell} that cuts a worker's wait short. */
@NullMarked
package dev.signet.platform.time;

import org.jspecify.annotations.NullMarked;
