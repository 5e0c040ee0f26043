package dev.signet.app;

import dev.signet.secrets.settings.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A deployable's flags, made from its declared settings: one option per setting (flag, parameter label and the
 * setting's help line), and the settings map the flags given override. Prefer the variables for secrets: flags show in
 * {@code ps}.
 */
final class SettingOptions {
    private SettingOptions() {}

    /** Adds one option per setting to {@code spec}, for a command's {@code IModelTransformer}. */
    static CommandSpec add(CommandSpec spec, List<? extends Setting<?>> settings) {
        for (Setting<?> setting : settings) {
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.type().label())
                    .type(String.class)
                    .description(setting.help().replace("%", "%%")) // picocli formats descriptions
                    .build());
        }
        return spec;
    }

    /** {@code environment}, overridden by each flag of {@code settings} given on the command line of {@code spec}. */
    static Map<String, String> settings(
            CommandSpec spec, List<? extends Setting<?>> settings, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        for (Setting<?> setting : settings) {
            OptionSpec option = spec.findOption(setting.flag());
            String given = option == null ? null : option.getValue();
            if (given != null) {
                merged.put(setting.env(), given);
            }
        }
        return merged;
    }
}
