/** Pairing items across versions: optimal one-to-one, by content or by a stable id. */
import { describe, expect, it } from "vitest";
import { assignPairs, LARGEST_EXACT_GROUP } from "../../../analytics/diff/assignment.js";
import { diffLedgers, nothingInCommon, versionOf } from "../../../analytics/diff/diff.js";
import { matchItems } from "../../../analytics/diff/match.js";
import { foldTask, taskSimilarity } from "../../../analytics/diff/similarity.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { ledgerOf } from "./version-ledgers.js";

const AS_OF = "2019-10-31";

/** A small deterministic generator, so a failing shuffle can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const TOPICS = ["党员教育管理", "意识形态工作责任制", "财务报销审核", "公务用车管理", "干部选拔任用", "党费收缴使用", "医药购销领域不正之风", "家庭医生签约服务", "健康扶贫政策落实", "基层党组织标准化建设", "机关作风纪律", "津补贴发放"];
const VERBS = ["进一步规范", "全面加强", "认真落实", "深入推进"];
const UNITS = ["办公室", "党建办", "财务股", "医政医管股", "基层卫生股"];

interface Spec { id: string; task: string; unit: string; deadline: string; status: string }

/** Tasks repeat across units, as in a 任务分解表: the unit tells the copies apart. */
function specs(): Spec[] {
  const out: Spec[] = [];
  TOPICS.forEach((topic, t) => {
    for (let u = 0; u < 1 + (t % 3); u++) {
      out.push({ id: `ZG-${String(out.length + 1).padStart(3, "0")}`, task: `${VERBS[t % VERBS.length]}${topic}工作，建立长效机制`, unit: UNITS[(t + u) % UNITS.length]!, deadline: `2019年${10 + (t % 3)}月30日`, status: "推进中" });
    }
  });
  return out;
}

function rows(items: readonly Spec[], withIds = false): CellValue[][] {
  const header = withIds ? ["编号", "序号", "工作任务", "责任单位", "完成时限", "完成情况"] : ["序号", "工作任务", "责任单位", "完成时限", "完成情况"];
  return [header, ...items.map((s, i) => (withIds ? [s.id, i + 1, s.task, s.unit, s.deadline, s.status] : [i + 1, s.task, s.unit, s.deadline, s.status]))];
}

/** For each new item, the id of the old item it was paired with. */
function pairedIds(oldItems: readonly Spec[], newItems: readonly Spec[], withIds = false): Map<string, string> {
  const m = matchItems(versionOf(ledgerOf(rows(oldItems, withIds), AS_OF), "old"), versionOf(ledgerOf(rows(newItems, withIds), AS_OF), "new"));
  return new Map(m.matches.map((x) => [newItems[x.new]!.id, oldItems[x.old]!.id]));
}

describe("text similarity", () => {
  it("folds width, spaces, punctuation and numbering before comparing", () => {
    expect(foldTask("1.加强 党员教育，管理")).toBe("加强党员教育管理");
    expect(foldTask("（一）ＡＢＣ工作")).toBe("ABC工作");
    expect(taskSimilarity("加强党员教育管理", "（二）加强党员教育管理。")).toBe(1);
  });

  it("drops a flag mark a clerk puts before the task", () => {
    expect(foldTask("【已销号】加强党员教育管理")).toBe("加强党员教育管理");
    expect(foldTask("3.【已销号】加强党员教育管理")).toBe("加强党员教育管理");
    expect(foldTask("[新增]加强党员教育管理")).toBe("加强党员教育管理");
    // A bracket inside the task is its wording.
    expect(foldTask("落实【三重一大】决策制度")).toBe("落实三重一大决策制度");
  });

  it("keeps a light edit close and a different task far", () => {
    expect(taskSimilarity("医疗机构收受回扣问题整治不力", "医疗机构收受“回扣”问题专项整治不力")).toBeGreaterThan(0.7);
    expect(taskSimilarity("医疗机构收受回扣问题整治不力", "公务用车管理不规范")).toBeLessThan(0.2);
  });
});

describe("the assignment", () => {
  it("maximizes the total where a greedy first match would not", () => {
    // Greedy takes (0,0) at 0.9 and strands old 1; the optimum pairs both.
    const pairs = assignPairs([{ old: 0, new: 0, score: 0.9 }, { old: 0, new: 1, score: 0.85 }, { old: 1, new: 0, score: 0.8 }], 2, 2);
    expect(pairs).toEqual([{ old: 1, new: 0, score: 0.8 }, { old: 0, new: 1, score: 0.85 }]);
  });

  it("leaves an item unpaired rather than pair it below the threshold", () => {
    expect(assignPairs([{ old: 0, new: 0, score: 0.6 }, { old: 1, new: 1, score: 0.55 }], 3, 2)).toHaveLength(2);
    expect(assignPairs([], 2, 2)).toEqual([]);
  });
});

describe("matching by content", () => {
  it("pairs every item of a shuffled and renumbered version", () => {
    const before = specs();
    for (const seed of [1, 2, 3]) {
      const after = shuffled(before, random(seed));
      const pairs = pairedIds(before, after);
      expect(pairs.size).toBe(before.length);
      for (const [n, o] of pairs) expect(o).toBe(n);
    }
  });

  it("pairs lightly edited tasks with their originals, not with their neighbours", () => {
    const before = specs();
    const next = random(7);
    const edits = ["，确保取得实效", "（已纳入年度考核）", "", "并建立台账"];
    const after = shuffled(before.map((s, i) => ({ ...s, task: i % 3 === 0 ? s.task.replace("工作", `工作${edits[i % 4]}`).replace("进一步", "") : s.task })), next);
    const pairs = pairedIds(before, after);
    expect(pairs.size).toBe(before.length);
    for (const [n, o] of pairs) expect(o).toBe(n);
  });

  it("follows an item whose unit changed, where the task is shared by other units", () => {
    const before = specs();
    const moved = before.findIndex((s, i) => i > 0 && s.task === before[i - 1]!.task);
    const after = before.map((s, i) => (i === moved ? { ...s, unit: "纪检组" } : s));
    const pairs = pairedIds(before, after);
    expect(pairs.get(before[moved]!.id)).toBe(before[moved]!.id);
    expect(pairs.size).toBe(before.length);
  });
});

describe("a task handed to several units", () => {
  const shared = "落实河长制，完成辖区河道清四乱专项行动";
  const row = (unit: string, owner: string, status: string) => ({ id: unit, task: shared, unit, deadline: "2019年11月30日", status, owner });
  const table = (items: ReadonlyArray<ReturnType<typeof row>>): CellValue[][] => [["序号", "工作任务", "责任单位", "责任人", "完成时限", "完成情况"], ...items.map((s, i) => [i + 1, s.task, s.unit, s.owner, s.deadline, s.status])];
  const pairs = (before: ReturnType<typeof row>[], after: ReturnType<typeof row>[]) => {
    const m = matchItems(versionOf(ledgerOf(table(before), AS_OF), "old"), versionOf(ledgerOf(table(after), AS_OF), "new"));
    return { pairs: m.matches.map((x) => `${before[x.old]!.unit}→${after[x.new]!.unit}`), added: m.added.map((n) => after[n]!.unit), removed: m.removed.map((o) => before[o]!.unit) };
  };
  const towns = [row("城关镇", "李明", "推进中"), row("龙泉镇", "王芳", "推进中"), row("白马镇", "赵敏", "已完成")];

  it("does not pair a row deleted for one unit with the task added for another", () => {
    const after = [towns[0]!, towns[1]!, row("开发区管委会", "孙丽", "未开始")];
    expect(pairs(towns, after)).toEqual({ pairs: ["城关镇→城关镇", "龙泉镇→龙泉镇"], added: ["开发区管委会"], removed: ["白马镇"] });
  });

  it("pairs across units a unit renamed (its old name gone, its new one new) or a unit cell corrected alone", () => {
    const renamed = [towns[0]!, towns[1]!, { ...row("白马街道", "钱进", "已完成") }];
    expect(pairs(towns, renamed).pairs).toContain("白马镇→白马街道");
    const corrected = [towns[0]!, { ...towns[1]!, unit: "城关镇" }, towns[2]!];
    expect(pairs(towns, corrected).pairs).toContain("龙泉镇→城关镇");
  });

  // Forty rows of one task, the task reworded in the new version for every unit: no row pairs by
  // its exact text, and the old rows of that text are looked up by unit and by the rest of the
  // row, not tried one by one. The rules are the same.
  const places = ["城关", "龙泉", "白马", "金山", "青石", "南岭", "东湖", "西岩", "北塘", "桃源"];
  const manyOf = (task: string) => Array.from({ length: 40 }, (_, i) => ({ ...row(`${places[i % 10]}${["镇", "乡", "街道", "社区"][Math.floor(i / 10)]}`, ["李明", "王芳", "赵敏"][i % 3]!, i % 2 === 0 ? "推进中" : "已完成"), task }));
  const many = manyOf(shared);
  const reworded = manyOf(`${shared}，建立长效机制`);

  it("holds for a task handed to forty units: each unit's row pairs with its own", () => {
    const result = pairs(many, [...reworded].reverse());
    expect(result.pairs).toHaveLength(40);
    expect(result.pairs.every((p) => p.split("→")[0] === p.split("→")[1])).toBe(true);
  });

  it("holds for forty units: a row deleted for one unit and the task added for another stay apart", () => {
    const after = [...reworded.slice(1), { ...row("开发区管委会", "孙丽", "未开始"), task: reworded[0]!.task }];
    expect(pairs(many, after)).toMatchObject({ added: ["开发区管委会"], removed: ["城关镇"] });
  });

  it("holds for forty units: a unit renamed, and a unit cell corrected alone, pair across units", () => {
    const renamed = reworded.map((r, i) => (i === 5 ? { ...r, unit: "南岭镇人民政府", owner: "钱进" } : r));
    expect(pairs(many, renamed).pairs).toContain("南岭镇→南岭镇人民政府");
    const corrected = reworded.map((r, i) => (i === 7 ? { ...r, unit: "城关镇" } : r));
    expect(pairs(many, corrected).pairs).toContain("西岩镇→城关镇");
  });
});

describe("matching by a stable id column", () => {
  it("pairs by 编号 with full confidence, however much the task was rewritten", () => {
    const before = specs();
    const after = shuffled(before, random(5)).map((s, i) => (i === 0 ? { ...s, task: `${s.task}（已调整整改内容）` } : s));
    const m = matchItems(versionOf(ledgerOf(rows(before, true), AS_OF), "old"), versionOf(ledgerOf(rows(after, true), AS_OF), "new"));
    expect(m.byId).toBe(true);
    expect(m.matches.every((x) => x.confidence === 1 && x.by === "id")).toBe(true);
    for (const x of m.matches) expect(after[x.new]!.id).toBe(before[x.old]!.id);
  });

  it("does not trust a 编号 column that is only a running number", () => {
    const before = specs();
    const after = shuffled(before, random(9));
    const numbered = (items: readonly Spec[]): CellValue[][] => [["编号", "工作任务", "责任单位", "完成时限", "完成情况"], ...items.map((s, i) => [i + 1, s.task, s.unit, s.deadline, s.status])];
    const m = matchItems(versionOf(ledgerOf(numbered(before), AS_OF), "old"), versionOf(ledgerOf(numbered(after), AS_OF), "new"));
    expect(m.byId).toBe(false);
    for (const x of m.matches) expect(after[x.new]!.id).toBe(before[x.old]!.id);
  });

  it("falls back to content when the ids were reassigned to other rows", () => {
    const before = specs();
    const after = shuffled(before, random(11)).map((s, i) => ({ ...s, id: `ZG-${String(i + 1).padStart(3, "0")}` }));
    const m = matchItems(versionOf(ledgerOf(rows(before, true), AS_OF), "old"), versionOf(ledgerOf(rows(after, true), AS_OF), "new"));
    expect(m.byId).toBe(false);
    expect(m.matches).toHaveLength(before.length);
  });
});

describe("two versions of different ledgers", () => {
  it("have nothing in common", () => {
    const a = ledgerOf(rows(specs()), AS_OF);
    const b = ledgerOf([["序号", "工作任务", "责任单位", "完成时限", "完成情况"], [1, "春季植树造林", "林业局", "2019年4月30日", "已完成"], [2, "汛期防汛值班", "水利局", "2019年8月31日", "已完成"]], AS_OF);
    const diff = diffLedgers(a, b, { old: "a.xlsx", new: "b.xlsx" });
    expect(nothingInCommon(diff)).toBe(true);
  });
});

describe("a group of alike rows too large to pair exactly", () => {
  it("is paired best first, every pair listed for a person to confirm", () => {
    // 400 numbered tasks in one wording, each unit's row renamed: every new row resembles every old one.
    const header = ["序号", "工作任务", "责任单位", "完成时限", "完成情况"];
    const rowsOf = (unit: (i: number) => string) => [header, ...Array.from({ length: 400 }, (_, i): CellValue[] => [i + 1, `第${i + 1}项：落实河长制，完成辖区河道清四乱专项行动`, unit(i), "2019年11月30日", "推进中"])];
    const before = ledgerOf(rowsOf(() => "水利局"), AS_OF);
    const after = ledgerOf(rowsOf((i) => (i % 2 === 0 ? "水务局" : "水利局")).map((r, i) => (i === 0 ? r : [r[0]!, `${r[1]}并建立长效机制`, ...r.slice(2)])), AS_OF);
    const diff = diffLedgers(before, after, { old: "a.xlsx", new: "b.xlsx" });
    expect(diff.matched.count).toBe(400);
    expect(diff.toConfirm.length).toBeGreaterThan(LARGEST_EXACT_GROUP);
    expect(diff.toConfirm.every((m) => m.oldTask !== null && m.newTask !== null)).toBe(true);
  });
});

describe("weak matches", () => {
  it("are kept, with their confidence, and listed for a person to confirm", () => {
    const header = ["序号", "工作任务", "责任单位", "完成时限", "完成情况"];
    const before = ledgerOf([header, [1, "规范发展党员档案资料管理", "党建办", "2019年12月31日", "推进中"], [2, "清理核对党费收缴情况", "财务股", "2019年11月30日", "推进中"]], AS_OF);
    // The first task rewritten by half: still the same item by its unit, deadline and what is left of its words.
    const after = ledgerOf([header, [1, "党员档案资料全面清理", "党建办", "2019年12月31日", "推进中"], [2, "清理核对党费收缴情况", "财务股", "2019年11月30日", "推进中"]], AS_OF);
    const diff = diffLedgers(before, after, { old: "a.xlsx", new: "b.xlsx" });
    expect(diff.toConfirm).toHaveLength(1);
    expect(diff.toConfirm[0]).toMatchObject({ oldRow: 2, newRow: 2, oldTask: "规范发展党员档案资料管理", newTask: "党员档案资料全面清理" });
    expect(diff.toConfirm[0]!.confidence).toBeLessThan(0.75);
    expect(diff.changes).toMatchObject([{ kind: "task-edited", confidence: diff.toConfirm[0]!.confidence }]);
  });
});
