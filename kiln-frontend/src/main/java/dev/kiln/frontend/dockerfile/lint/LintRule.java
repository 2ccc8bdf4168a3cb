package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.frontend.dockerfile.parser.GoQuote;

/**
 * The build checks of BuildKit's Dockerfile frontend, with their names, descriptions, documentation
 * links and message templates ({@code %s}/{@code %v} plain, {@code %q} Go-quoted). Rules with a
 * suggestion template append it only when a suggestion is given as the last argument.
 */
public enum LintRule {
    STAGE_NAME_CASING("StageNameCasing", "Stage names should be lowercase",
            "stage-name-casing", false, "Stage name '%s' should be lowercase", null),
    FROM_AS_CASING("FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword",
            "from-as-casing", false, "'%s' and '%s' keywords' casing do not match", null),
    NO_EMPTY_CONTINUATION("NoEmptyContinuation", "Empty continuation lines will become errors in a future release",
            "no-empty-continuation", false, "Empty continuation line", null),
    CONSISTENT_INSTRUCTION_CASING("ConsistentInstructionCasing",
            "All commands within the Dockerfile should use the same casing (either upper or lower)",
            "consistent-instruction-casing", false,
            "Command '%s' should match the case of the command majority (%s)", null),
    DUPLICATE_STAGE_NAME("DuplicateStageName", "Stage names should be unique",
            "duplicate-stage-name", false, "Duplicate stage name %q, stage names should be unique", null),
    RESERVED_STAGE_NAME("ReservedStageName", "Reserved words should not be used as stage names",
            "reserved-stage-name", false, "Stage name should not use the same name as reserved stage %q", null),
    JSON_ARGS_RECOMMENDED("JSONArgsRecommended",
            "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
            "json-args-recommended", false,
            "JSON arguments recommended for %s to prevent unintended behavior related to OS signals", null),
    MAINTAINER_DEPRECATED("MaintainerDeprecated",
            "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
            "maintainer-deprecated", false, "Maintainer instruction is deprecated in favor of using label", null),
    UNDEFINED_ARG_IN_FROM("UndefinedArgInFrom", "FROM command must use declared ARGs",
            "undefined-arg-in-from", false, "FROM argument '%s' is not declared", " (did you mean %s?)"),
    WORKDIR_RELATIVE_PATH("WorkdirRelativePath",
            "Relative workdir without an absolute workdir declared within the build can have unexpected "
                    + "results if the base image changes",
            "workdir-relative-path", false,
            "Relative workdir %q can have unexpected results if the base image changes", null),
    UNDEFINED_VAR("UndefinedVar", "Variables should be defined before their use",
            "undefined-var", false, "Usage of undefined variable '$%s'", " (did you mean $%s?)"),
    MULTIPLE_INSTRUCTIONS_DISALLOWED("MultipleInstructionsDisallowed",
            "Multiple instructions of the same type should not be used in the same stage",
            "multiple-instructions-disallowed", false,
            "Multiple %s instructions should not be used in the same stage because only the last one will be used",
            null),
    LEGACY_KEY_VALUE_FORMAT("LegacyKeyValueFormat",
            "Legacy key/value format with whitespace separator should not be used",
            "legacy-key-value-format", false,
            "\"%s key=value\" should be used instead of legacy \"%s key value\" format", null),
    INVALID_BASE_IMAGE_PLATFORM("InvalidBaseImagePlatform",
            "Base image platform does not match expected target platform", null, false,
            "Base image %s was pulled with platform %q, expected %q for current build", null),
    REDUNDANT_TARGET_PLATFORM("RedundantTargetPlatform",
            "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
            "redundant-target-platform", false,
            "Setting platform to predefined %s in FROM is redundant as this is the default behavior", null),
    SECRETS_USED_IN_ARG_OR_ENV("SecretsUsedInArgOrEnv",
            "Sensitive data should not be used in the ARG or ENV commands",
            "secrets-used-in-arg-or-env", false,
            "Do not use ARG or ENV instructions for sensitive data (%s %q)", null),
    INVALID_DEFAULT_ARG_IN_FROM("InvalidDefaultArgInFrom",
            "Default value for global ARG results in an empty or invalid base image name",
            "invalid-default-arg-in-from", false,
            "Default value for ARG %v results in empty or invalid base image name", null),
    FROM_PLATFORM_FLAG_CONST_DISALLOWED("FromPlatformFlagConstDisallowed",
            "FROM --platform flag should not use a constant value",
            "from-platform-flag-const-disallowed", false,
            "FROM --platform flag should not use constant value %q", null),
    COPY_IGNORED_FILE("CopyIgnoredFile", "Attempting to Copy file that is excluded by .dockerignore",
            "copy-ignored-file", false, "Attempting to %s file %q that is excluded by .dockerignore", null),
    INVALID_DEFINITION_DESCRIPTION("InvalidDefinitionDescription",
            "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. "
                    + "If this is not intended to be a description comment, add an empty line or comment between "
                    + "the instruction and the comment.",
            "invalid-definition-description", true,
            "Comment for %s should follow the format: `# %s <description>`", null),
    EXPOSE_PROTO_CASING("ExposeProtoCasing", "Protocol in EXPOSE instruction should be lowercase",
            "expose-proto-casing", false, "Defined protocol '%s' in EXPOSE instruction should be lowercase", null),
    EXPOSE_INVALID_FORMAT("ExposeInvalidFormat",
            "IP address and host-port mapping should not be used in EXPOSE instruction. "
                    + "This will become an error in a future release",
            "expose-invalid-format", false,
            "EXPOSE instruction should not define an IP address or host-port mapping, found '%s'", null);

    private static final String DOCS = "https://docs.docker.com/go/dockerfile/rule/";

    private final String ruleName;
    private final String description;
    private final String url;
    private final boolean experimental;
    private final String template;
    private final String suggestionTemplate;

    LintRule(String ruleName, String description, String docSlug, boolean experimental, String template,
             String suggestionTemplate) {
        this.ruleName = ruleName;
        this.description = description;
        this.url = docSlug == null ? null : DOCS + docSlug + "/";
        this.experimental = experimental;
        this.template = template;
        this.suggestionTemplate = suggestionTemplate;
    }

    /** The rule's name as users write it in {@code # check=skip=...}. */
    public String ruleName() {
        return ruleName;
    }

    public String description() {
        return description;
    }

    /** The documentation link; null for InvalidBaseImagePlatform, which has none. */
    public String url() {
        return url;
    }

    /** Experimental rules run only when enabled with {@code experimental=...}. */
    public boolean experimental() {
        return experimental;
    }

    /**
     * The warning detail for these arguments. For rules that can suggest a fix the last argument is the
     * suggestion, empty when there is none.
     */
    public String message(String... args) {
        if (suggestionTemplate == null) {
            return fill(template, args, 0, args.length);
        }
        String suggestion = args[args.length - 1];
        String base = fill(template, args, 0, args.length - 1);
        return suggestion.isEmpty() ? base : base + fill(suggestionTemplate, args, args.length - 1, args.length);
    }

    public static LintRule byName(String name) {
        for (LintRule r : values()) {
            if (r.ruleName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static String fill(String template, String[] args, int from, int to) {
        StringBuilder b = new StringBuilder();
        int next = from;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && next < to) {
                char verb = template.charAt(++i);
                String arg = args[next++];
                b.append(verb == 'q' ? GoQuote.quote(arg) : arg);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
