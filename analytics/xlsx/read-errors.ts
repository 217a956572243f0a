/**
 * Why a workbook could not be read. The code is stable (tests and hosts switch on it); the
 * words come from the error catalogue (`workbook-<code>`), with what exactly was wrong after them.
 */
import { CataloguedError, userMessage, type UserMessage } from "../findings/user-message.js";

export type WorkbookReadCode =
  | "not-found"
  | "unreadable"
  | "not-xlsx"
  | "legacy-xls"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "empty";

export class WorkbookReadError extends CataloguedError {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly code: WorkbookReadCode,
    said: UserMessage,
  ) {
    super(said);
  }
}

export function readError(code: WorkbookReadCode, detail?: UserMessage): WorkbookReadError {
  const reason = userMessage(`workbook-${code}`);
  return new WorkbookReadError(code, detail ? userMessage("workbook-reason-detail", { reason, detail }) : reason);
}
