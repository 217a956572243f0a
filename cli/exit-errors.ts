/**
 * What the command line tells the user when it cannot go on: one line, no stack trace.
 * Exit codes (contract §7): 2 the input could not be used, 1 anything else.
 */
import { ColumnMappingError } from "../analytics/column-mapping.js";

export class InputError extends Error {
  readonly exitCode = 2;
}

export class UsageError extends Error {
  readonly exitCode = 2;
}

export function exitCodeOf(error: unknown): number {
  // A --columns header no sheet holds is the user's input to fix, like a bad option.
  if (error instanceof InputError || error instanceof UsageError || error instanceof ColumnMappingError) return 2;
  return 1;
}

/** The single line printed for an error; internals get a pointer to TAIZHANG_DEBUG. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\r?\n/u)[0] ?? message;
  if (exitCodeOf(error) === 2) return `taizhang: ${first}`;
  return `taizhang: 内部错误 (internal error): ${first}（设置 TAIZHANG_DEBUG=1 查看详情 / set TAIZHANG_DEBUG=1 for details）`;
}
