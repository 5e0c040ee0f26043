/**
 * The one settings model of Signet's deployables: each setting declared once ({@link Setting}: environment variable,
 * flag, type, default, one-line doc), parsed one way ({@link SettingType}, durations by {@link Durations}), read from
 * the environment by {@link SettingValues}, and rendered as {@code --help} lines and README tables.
 */
@NullMarked
package dev.signet.secrets.settings;

import org.jspecify.annotations.NullMarked;
