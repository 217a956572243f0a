/**
 * Why a workbook could not be read. The code is stable (tests and hosts switch on it); the
 * message is one line a clerk can act on, in Chinese with the English after it.
 */
export type WorkbookReadCode =
  | "not-found"
  | "not-xlsx"
  | "legacy-xls"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "empty";

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly code: WorkbookReadCode,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<WorkbookReadCode, string> = {
  "not-found": "找不到文件 (file not found)",
  "not-xlsx": "不是 Excel 工作簿（.xlsx） (not an .xlsx workbook)",
  "legacy-xls":
    "这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为”.xlsx 后再试 (legacy .xls: save it as .xlsx in Excel or WPS, then try again)",
  encrypted:
    "工作簿设置了打开密码，请在 Excel 中去掉密码（文件→信息→保护工作簿→用密码进行加密，清空）后再试 (the workbook is password-protected: remove the password in Excel and try again)",
  corrupt: "文件已损坏或不完整（可能没有下载或复制完） (the file is damaged or truncated)",
  "too-large": "文件解压后大得不合理，已拒绝读取（可能是压缩炸弹） (unpacked size is absurd; refused, it may be a zip bomb)",
  empty: "工作簿是空的，没有任何内容 (the workbook is empty)",
};

export function readError(code: WorkbookReadCode, detail?: string): WorkbookReadError {
  const base = MESSAGES[code];
  return new WorkbookReadError(code, detail ? `${base}: ${detail}` : base);
}
