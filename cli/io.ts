/** Where commands write: injectable, so tests can capture what a user would see. */
export interface Output {
  /** A line on stdout. */
  out(text: string): void;
  /** Text on stdout as it is, for output written in pieces. */
  write(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text + "\n"),
  write: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text + "\n"),
};

/** Colors only on a terminal, and never when NO_COLOR is set or --no-color was given. */
export function useColor(flag: boolean | undefined): boolean {
  return flag !== false && process.stdout.isTTY === true && !("NO_COLOR" in process.env);
}

/**
 * `taizhang check … | head` closes the pipe early: stop writing and end quietly, as Unix tools
 * do, instead of an EPIPE stack trace.
 */
export function endQuietlyWhenPipeCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
