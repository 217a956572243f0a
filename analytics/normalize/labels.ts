/** Names of the edit rules and of what normalize left alone, for summaries a person reads. */
import type { Lang } from "../lang.js";
import type { EditRule, KeptReason } from "./types.js";

export const EDIT_RULE_LABEL: Record<EditRule, Record<Lang, string>> = {
  "deadline-date": { zh: "时限改为日期", en: "deadlines as dates" },
  "deadline-standing": { zh: "长期坚持", en: "standing duties" },
  "deadline-immediate": { zh: "立行立改", en: "immediate" },
  "deadline-format": { zh: "日期格式统一", en: "date formats made alike" },
  "status-word": { zh: "完成情况用词", en: "status words" },
  "status-prefix": { zh: "完成情况加词", en: "status word in front" },
  "name-clean": { zh: "名称空格与全角", en: "names tidied" },
  "name-merge": { zh: "名称统一", en: "names merged" },
  "merge-fill": { zh: "合并单元格填充", en: "merged cells filled" },
  "overdue-column": { zh: "逾期天数公式", en: "days-overdue formulas" },
  "overdue-header": { zh: "逾期天数列", en: "days-overdue column" },
  "id-column": { zh: "事项编号", en: "item ids" },
  "id-header": { zh: "编号列", en: "id column" },
};

export const KEPT_LABEL: Record<KeptReason, Record<Lang, string>> = {
  "status-unknown": { zh: "无法识别的完成情况", en: "unreadable statuses" },
  "deadline-unparsed": { zh: "无法识别的时限", en: "unreadable deadlines" },
  "deadline-ambiguous": { zh: "有歧义的时限", en: "ambiguous deadlines" },
  "deadline-several": { zh: "含多个日期的时限", en: "deadlines naming several days" },
  "deadline-standing-date": { zh: "限时并长期坚持的时限", en: "deadlines with a day and a standing duty" },
  "deadline-cadence": { zh: "定期任务的时限", en: "recurring deadlines" },
  "formula-cell": { zh: "公式单元格", en: "formula cells" },
  "name-variant": { zh: "写法不一致的名称（加 --merge-names 可统一）", en: "name variants (--merge-names merges them)" },
  "merge-kept": { zh: "保留的合并单元格", en: "merges kept" },
  "status-conflict": { zh: "完成情况各栏说法不一致的行（请核实）", en: "rows whose status columns disagree (to check)" },
};
