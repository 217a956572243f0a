/**
 * Commander's own words (a missing argument, an unknown option, the help's headings) said in
 * the user's language from the error catalogue. Commander prints its English through
 * `outputError`, which the command line silences; its `CommanderError` carries a stable `code`
 * and the names involved in its message, which this file reads back.
 */
import type { CommanderError, HelpConfiguration } from "commander";
import type { Lang } from "../analytics/lang.js";
import { renderMessage, userMessage, type UserMessage } from "../analytics/findings/user-message.js";

/**
 * The language asked for with --lang (zh when absent or not one Taizhang speaks), read before
 * commander parses anything, so that its own mistakes are said in that language too.
 */
export function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value !== undefined) return value === "en" ? "en" : "zh";
  }
  return "zh";
}

/** The commands, for the pointer to their help. */
const COMMANDS = new Set(["check", "normalize", "report", "diff", "notices"]);

/** The first name commander quoted ('files', '--frobnicate'), or its whole message. */
function quoted(message: string): string {
  return /'([^']*)'/u.exec(message)?.[1] ?? message.replace(/^error:\s*/u, "");
}

/** Commander's "(Did you mean --sheet?)", or null. */
function suggestion(message: string): string | null {
  return /\(Did you mean ([^?]+)\?\)/u.exec(message)?.[1] ?? null;
}

function problemOf(error: CommanderError): UserMessage | null {
  const { message } = error;
  switch (error.code) {
    case "commander.missingArgument":
      return userMessage("usage-missing-argument", { argument: quoted(message) });
    case "commander.optionMissingArgument":
      return userMessage("usage-option-missing-value", { option: quoted(message) });
    case "commander.missingMandatoryOptionValue":
      return userMessage("usage-required-option", { option: quoted(message) });
    case "commander.unknownOption":
      return userMessage("usage-unknown-option", { option: quoted(message) });
    case "commander.unknownCommand":
      return userMessage("usage-unknown-command", { command: quoted(message) });
    case "commander.excessArguments": {
      const [, expected = "?", received = "?"] = /Expected (\d+) arguments? but got (\d+)/u.exec(message) ?? [];
      return userMessage("usage-too-many-arguments", { expected, received });
    }
    case "commander.conflictingOption":
      return userMessage("usage-conflicting-options", { detail: message.replace(/^error:\s*/u, "") });
    case "commander.invalidArgument":
      return userMessage("usage-invalid-argument", { detail: message.replace(/^error:\s*/u, "") });
    default:
      return null; // help and version: not a mistake
  }
}

/**
 * One line for a commander mistake, in the user's language, pointing at the help of the command
 * the user typed; null for help and version, which are no mistakes.
 */
export function usageLine(error: CommanderError, argv: readonly string[], lang: Lang): string | null {
  const problem = problemOf(error);
  if (problem === null) return null;
  const guess = suggestion(error.message);
  const said = guess === null ? problem : userMessage("usage-did-you-mean", { problem, suggestion: guess });
  const command = argv.find((a) => COMMANDS.has(a));
  const withHelp = userMessage("usage-see-help", { problem: said, command: command === undefined ? "" : ` ${command}` });
  return `taizhang: ${renderMessage(withHelp, lang)}`;
}

const HEADINGS: Readonly<Record<string, Parameters<typeof userMessage>[0]>> = {
  "Usage:": "help-usage",
  "Arguments:": "help-arguments",
  "Options:": "help-options",
  "Global Options:": "help-global-options",
  "Commands:": "help-commands",
};

/** The help's headings (Usage:, Options:, …) in the user's language. */
export function helpIn(lang: Lang): HelpConfiguration {
  return {
    styleTitle: (title: string) => {
      const code = HEADINGS[title];
      return code === undefined ? title : renderMessage({ code, params: {} }, lang);
    },
  };
}

/** The descriptions commander gives its own -h and -V. */
export function builtInOptionWords(lang: Lang): { help: string; version: string; helpCommand: string } {
  return {
    help: renderMessage(userMessage("help-option-help"), lang),
    version: renderMessage(userMessage("help-option-version"), lang),
    helpCommand: renderMessage(userMessage("help-command-help"), lang),
  };
}
