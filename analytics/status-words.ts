/**
 * The one table of status words: what each status is called in Chinese (also the canonical word
 * `normalize` writes back, contract §3) and in English. Charts, the terminal, the pane, the
 * summary workbook and the status-conflict explanation all read it, so a status has one name
 * per language everywhere.
 */
import type { Lang } from "./lang.js";
import type { StatusBucket } from "./summary.js";

export const STATUS_WORDS: Readonly<Record<StatusBucket, Readonly<Record<Lang, string>>>> = {
  done: { zh: "已完成", en: "Done" },
  closed: { zh: "已销号", en: "Closed" },
  in_progress: { zh: "推进中", en: "In progress" },
  not_started: { zh: "未开始", en: "Not started" },
  ongoing: { zh: "长期坚持", en: "Ongoing" },
  unknown: { zh: "无法识别", en: "Unreadable" },
  missing: { zh: "未填写", en: "Not filled in" },
};

/** Every status's name in one language, e.g. for a chart's legend. */
export function statusWords(lang: Lang): Record<StatusBucket, string> {
  return Object.fromEntries(Object.entries(STATUS_WORDS).map(([bucket, words]) => [bucket, words[lang]])) as Record<StatusBucket, string>;
}

/** The name inside an English sentence ("counted as the more cautious “in progress”"); Chinese as is. */
export function statusWordInText(bucket: StatusBucket, lang: Lang): string {
  const word = STATUS_WORDS[bucket][lang];
  return lang === "en" ? word.toLowerCase() : word;
}
