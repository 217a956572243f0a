/**
 * Writing the report's files: all of them to temporary names first, then renamed into place,
 * so a failure leaves no half a report behind, and a folder that cannot be written is found
 * before any work is done.
 */
import { randomBytes } from "node:crypto";
import { access, constants, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../exit-errors.js";
import { unfinishedFile } from "../write-file.js";
import { userMessage } from "../../analytics/findings/user-message.js";

/** Refuses an output folder that is a file, or that cannot be created or written. */
export async function prepareOutputDir(outDir: string): Promise<string> {
  const dir = resolve(outDir);
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new InputError(userMessage("report-output-is-file", { path: outDir }));
  try {
    await makeFolders(dir);
    await access(dir, constants.W_OK);
  } catch {
    throw new InputError(userMessage("report-folder-unwritable", { path: outDir }));
  }
  return dir;
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
