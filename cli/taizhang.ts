/**
 * The `taizhang` command line: thin wiring from arguments to commands (contract §7).
 * Each command registers its own arguments in cli/commands/<name>-command.ts.
 */
import { Command, CommanderError } from "commander";
import type { Lang } from "../analytics/lang.js";
import { registerCheck } from "./commands/check-command.js";
import { registerDiff } from "./commands/diff-command.js";
import { registerNormalize } from "./commands/normalize-command.js";
import { registerNotices } from "./commands/notices-command.js";
import { registerReport } from "./commands/report-command.js";
import { exitCodeOf, oneLine } from "./exit-errors.js";
import { handleStdoutErrors, processOutput } from "./io.js";
import { terminalSafe } from "./terminal-safe.js";
import { builtInOptionWords, helpIn, requestedLang, usageLine } from "./usage-messages.js";

function program(lang: Lang): Command {
  const words = builtInOptionWords(lang);
  const cmd = new Command("taizhang")
    .description("台账检查、规范化与报告 · check, normalize and report on Chinese responsibility ledgers")
    .version(process.env.TAIZHANG_VERSION ?? "0.1.0", "-V, --version", words.version)
    .helpOption("-h, --help", words.help)
    .helpCommand("help [command]", words.helpCommand)
    .configureHelp(helpIn(lang))
    .exitOverride()
    // Commander's English error line is not printed: main says it in the user's language.
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalSafe(s, false)), outputError: () => {} });
  registerCheck(cmd);
  registerNormalize(cmd);
  registerReport(cmd);
  registerDiff(cmd);
  registerNotices(cmd);
  return cmd;
}

export async function main(argv: readonly string[]): Promise<void> {
  const lang = requestedLang(argv);
  handleStdoutErrors(lang);
  try {
    await program(lang).parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; usage mistakes exit 2 with one line.
      const line = usageLine(error, argv, lang);
      if (line !== null) processOutput.err(line);
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (process.env.TAIZHANG_DEBUG) console.error(error);
    processOutput.err(oneLine(error, lang));
    process.exitCode = exitCodeOf(error);
  }
}
