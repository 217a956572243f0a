/** missing-column: a ledger without a column it needs (contract §2). */
import type { Lang } from "../findings/catalogue.js";
import type { Check } from "./context.js";

const REQUIRED: ReadonlyArray<{ roles: readonly ("task" | "unit" | "owner" | "deadline" | "status")[]; zh: string; en: string }> = [
  { roles: ["task"], zh: "问题/任务", en: "task" },
  { roles: ["unit", "owner"], zh: "责任单位/责任人", en: "unit or owner" },
  { roles: ["deadline"], zh: "完成时限", en: "deadline" },
  { roles: ["status"], zh: "完成情况", en: "status" },
];

function columnName(req: (typeof REQUIRED)[number], lang: Lang): string {
  return lang === "zh" ? req.zh : req.en;
}

export const checkColumns: Check = (ctx) => {
  for (const req of REQUIRED) {
    if (req.roles.some((role) => ctx.header.roles.has(role))) continue;
    ctx.report("missing-column", { row: ctx.header.lastRow, value: req.roles.join("|") }, { column: columnName(req, ctx.lang) });
  }
};
