/** Where commands write: injectable, so tests can capture what a user would see. */
import type { Lang } from "../analytics/lang.js";
import { userMessage } from "../analytics/findings/user-message.js";
import { noticeLine } from "./exit-errors.js";
import { escapeControls, terminalSafe } from "./terminal-safe.js";

export interface Output {
  /** A line on stdout. */
  out(text: string): void;
  /** JSON on stdout, written in pieces. */
  write(text: string): void;
  err(text: string): void;
}

/** Whether our own color sequences may reach stdout (set by useColor). */
let colorsOn = false;

/**
 * Every line the command prints, made safe for a terminal here and only here: control
 * characters and escape sequences from cells are removed (JSON keeps them, as \u escapes).
 */
export const processOutput: Output = {
  out: (text) => process.stdout.write(terminalSafe(text, colorsOn) + "\n"),
  write: (text) => process.stdout.write(escapeControls(text)),
  err: (text) => process.stderr.write(terminalSafe(text, false) + "\n"),
};

/** Colors only on a terminal, and never when NO_COLOR is set or --no-color was given. */
export function useColor(flag: boolean | undefined): boolean {
  colorsOn = flag !== false && process.stdout.isTTY === true && !("NO_COLOR" in process.env);
  return colorsOn;
}

/**
 * `taizhang check … | head` closes the pipe early: stop writing and end quietly, as Unix tools
 * do, instead of an EPIPE stack trace. Any other failure to write stdout (`> /dev/full`, a full
 * disk, a vanished network drive) is the user's to fix: one line on stderr and exit 2.
 */
export function handleStdoutErrors(lang: Lang): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    const said = error.code === "ENOSPC" || error.code === "EDQUOT" ? userMessage("stdout-disk-full") : userMessage("stdout-not-written", { problem: error.code ?? error.message });
    process.stderr.write(terminalSafe(noticeLine(said, lang), false) + "\n");
    process.exit(2);
  });
}
