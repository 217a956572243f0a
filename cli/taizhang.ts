/**
 * The `taizhang` command line: thin wiring from arguments to commands (contract §7).
 * Each command registers its own arguments in cli/commands/<name>-command.ts.
 */
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check-command.js";
import { registerDiff } from "./commands/diff-command.js";
import { registerNormalize } from "./commands/normalize-command.js";
import { registerNotices } from "./commands/notices-command.js";
import { registerReport } from "./commands/report-command.js";
import { exitCodeOf, oneLine } from "./exit-errors.js";
import { endQuietlyWhenPipeCloses, processOutput } from "./io.js";
import { terminalSafe } from "./terminal-safe.js";

function program(): Command {
  const cmd = new Command("taizhang")
    .description("台账检查、规范化与报告 · check, normalize and report on Chinese responsibility ledgers")
    .version(process.env.TAIZHANG_VERSION ?? "0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalSafe(s, false)) });
  registerCheck(cmd);
  registerNormalize(cmd);
  registerReport(cmd);
  registerDiff(cmd);
  registerNotices(cmd);
  return cmd;
}

export async function main(argv: readonly string[]): Promise<void> {
  endQuietlyWhenPipeCloses();
  try {
    await program().parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; usage mistakes exit 2 with commander's one line.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (process.env.TAIZHANG_DEBUG) console.error(error);
    processOutput.err(oneLine(error));
    process.exitCode = exitCodeOf(error);
  }
}
