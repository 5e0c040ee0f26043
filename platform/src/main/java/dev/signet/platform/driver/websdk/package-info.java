/**
 * The {@code websdk} meeting driver: Zoom's Meeting SDK for Web in headless Chromium, driven with Selenium, and the
 * local join page it loads.
 */
@NullMarked
package dev.signet.platform.driver.websdk;

import org.jspecify.annotations.NullMarked;
