/**
 * Parts of an .xlsx that exceljs cannot carry through a read and write: charts, pivot tables,
 * pictures and drawn shapes, macros, slicers, timelines, threaded comments, form controls,
 * embedded objects, external links and data models. Found by the package's part names alone
 * (the zip's directory, nothing inflated), so a refusal costs next to nothing.
 */
import { XlsxPackage } from "./package.js";

export type PartKind =
  | "chart"
  | "pivot"
  | "image"
  | "drawing"
  | "macro"
  | "slicer"
  | "timeline"
  | "threaded-comment"
  | "control"
  | "embedded-object"
  | "external-link"
  | "data-model";

export interface UnsupportedParts {
  readonly kind: PartKind;
  /** Part names as the package spells them. */
  readonly parts: readonly string[];
}

/** Part-name patterns (lower case, as XlsxPackage keys them), first match wins. */
const PATTERNS: ReadonlyArray<readonly [PartKind, RegExp]> = [
  ["chart", /^xl\/(?:charts\/chart\d*\.xml|chartsheets\/[^/]+\.xml)$/u],
  ["pivot", /^xl\/pivottables\/[^/]+\.xml$/u],
  ["image", /^xl\/media\/[^/]+$/u],
  // Drawings hold pictures, shapes and the anchors of charts; legacy notes use vmlDrawing parts,
  // which exceljs does carry.
  ["drawing", /^xl\/drawings\/drawing\d*\.xml$/u],
  ["macro", /^xl\/vbaproject\.bin$/u],
  ["slicer", /^xl\/slicers\/[^/]+\.xml$/u],
  ["timeline", /^xl\/timelines\/[^/]+\.xml$/u],
  ["threaded-comment", /^xl\/threadedcomments\/[^/]+\.xml$/u],
  ["control", /^xl\/(?:activex\/[^/]+\.(?:xml|bin)|ctrlprops\/[^/]+\.xml)$/u],
  ["embedded-object", /^xl\/embeddings\/[^/]+$/u],
  ["external-link", /^xl\/externallinks\/[^/]+\.xml$/u],
  ["data-model", /^xl\/model\/[^/]+$/u],
];

const LABELS: Record<PartKind, { readonly zh: string; readonly en: string }> = {
  chart: { zh: "图表", en: "charts" },
  pivot: { zh: "数据透视表", en: "pivot tables" },
  image: { zh: "图片", en: "images" },
  drawing: { zh: "绘图（形状、文本框、图表位置）", en: "drawings (shapes, text boxes, chart anchors)" },
  macro: { zh: "宏（VBA）", en: "macros (VBA)" },
  slicer: { zh: "切片器", en: "slicers" },
  timeline: { zh: "日程表", en: "timelines" },
  "threaded-comment": { zh: "批注会话", en: "threaded comments" },
  control: { zh: "表单控件", en: "form controls" },
  "embedded-object": { zh: "嵌入对象", en: "embedded objects" },
  "external-link": { zh: "外部链接", en: "external links" },
  "data-model": { zh: "数据模型", en: "data model" },
};

/** What the package holds that a rewrite through exceljs would drop, by kind. */
export function findUnsupportedParts(bytes: Uint8Array): UnsupportedParts[] {
  const pkg = XlsxPackage.open(bytes);
  const found = new Map<PartKind, string[]>();
  for (const [key, entry] of pkg.entries) {
    const match = PATTERNS.find(([, pattern]) => pattern.test(key));
    if (!match) continue;
    const list = found.get(match[0]);
    if (list) list.push(entry.name);
    else found.set(match[0], [entry.name]);
  }
  return PATTERNS.flatMap(([kind]) => {
    const parts = found.get(kind);
    return parts ? [{ kind, parts: parts.sort() }] : [];
  });
}

/** "图表 2 个、图片 1 个 (charts: 2, images: 1)". */
export function describeParts(found: readonly UnsupportedParts[]): string {
  const zh = found.map((f) => `${LABELS[f.kind].zh} ${f.parts.length} 个`).join("、");
  const en = found.map((f) => `${LABELS[f.kind].en}: ${f.parts.length}`).join(", ");
  return `${zh} (${en})`;
}
