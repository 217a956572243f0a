/**
 * The temporary files a command is writing before it renames them into place (writeAll in
 * report/outputs.ts). A command interrupted meanwhile (Ctrl+C, a closed terminal) removes them,
 * so no `.tmp` is left beside the clerk's workbooks.
 */
import { rmSync } from "node:fs";

/** Temporary files written and not yet renamed into place. */
const unfinished = new Set<string>();

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * On an interrupting signal the temporary files go, and the command ends as the signal asks
 * (128 + its number). Listened for only while a file is being written: a listener keeps Node
 * from ending on Ctrl+C until the running code yields, which reading a workbook does not.
 */
const onSignal = new Map<string, () => void>(
  Object.entries(SIGNALS).map(([signal, number]) => [
    signal,
    () => {
      removeUnfinishedFiles();
      process.exit(128 + number);
    },
  ]),
);

/** Notes a temporary file before it is written; `done` when it is renamed or removed. */
export function unfinishedFile(path: string): { done(): void } {
  if (unfinished.size === 0) for (const [signal, handler] of onSignal) process.on(signal, handler);
  unfinished.add(path);
  return {
    done: () => {
      if (unfinished.delete(path) && unfinished.size === 0) for (const [signal, handler] of onSignal) process.off(signal, handler);
    },
  };
}

/** Removes every temporary file still being written; what an interrupted command leaves behind. */
export function removeUnfinishedFiles(): void {
  for (const path of unfinished) rmSync(path, { force: true });
  unfinished.clear();
}
