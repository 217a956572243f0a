/**
 * How a command writes its files: all of them to temporary names first, then renamed into place,
 * so a failure leaves no half an output behind; a folder that cannot be written is found before
 * any work is done; and a command interrupted meanwhile (Ctrl+C, a closed terminal) removes its
 * temporary files, so no `.tmp` is left beside the clerk's workbooks.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { userMessage } from "../analytics/findings/user-message.js";
import { InputError } from "./exit-errors.js";

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

/** Refuses an output folder that is a file, or that cannot be created or written. */
export async function prepareOutputDir(outDir: string): Promise<string> {
  const dir = resolve(outDir);
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new InputError(userMessage("report-output-is-file", { path: outDir }));
  const made = await makeFolders(dir).then(
    () => true,
    () => false,
  );
  if (!made || !(await canWriteIn(dir))) throw new InputError(userMessage("report-folder-unwritable", { path: outDir }));
  return dir;
}

/**
 * Whether a file can be made in `dir`: a probe file is created and removed, which also catches
 * read-only file systems and access lists that permission bits do not show.
 */
export async function canWriteIn(dir: string): Promise<boolean> {
  const probe = join(dir, `.taizhang-${randomBytes(6).toString("hex")}.probe`);
  try {
    await writeFile(probe, "", { flag: "wx" });
  } catch {
    return false;
  }
  await rm(probe, { force: true });
  return true;
}

export async function writeAll(dir: string, files: ReadonlyMap<string, Uint8Array | string>): Promise<string[]> {
  const tag = randomBytes(6).toString("hex");
  const staged: Array<[string, string]> = [];
  const pending: { done(): void }[] = [];
  try {
    for (const [name, content] of files) {
      const target = join(dir, name);
      await makeFolders(dirname(target));
      const temp = join(dirname(target), `.taizhang-${tag}-${staged.length}.tmp`);
      staged.push([temp, target]); // before writing: a write cut short by a full disk leaves its file
      pending.push(unfinishedFile(temp)); // and so does Ctrl+C
      await writeFile(temp, content, { flag: "wx" });
    }
    for (const [temp, target] of staged) await rename(temp, target);
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  } finally {
    for (const file of pending) file.done();
  }
  return staged.map(([, target]) => target);
}

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's own recursive mkdir
 * never returns where the system refuses a new folder with ENOENT under one that exists
 * (/proc/foo): `report -o /proc/foo` hung.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); !(await stat(at).catch(() => null)); at = dirname(at)) {
    if (dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const folder of missing) await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

/** Why an output could not be written, as one line for the user (exit 2), from the file system's code. */
export function outputProblem(error: unknown, path: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === undefined) return error;
  if (code === "ENOSPC" || code === "EDQUOT") return new InputError(userMessage("output-disk-full", { path }));
  if (code === "EISDIR") return new InputError(userMessage("output-is-folder", { path }));
  if (["EROFS", "EACCES", "EPERM", "ENOENT", "ENOTDIR"].includes(code)) return new InputError(userMessage("output-folder-unwritable", { folder: dirname(resolve(path)) }));
  return new InputError(userMessage("output-unwritable", { path, problem: code }));
}
