/** The unit light table (红灯 / 黄灯 / 无法判断 / 绿灯, by ../../analytics/lights.ts), red first, in the order of the unit chart; 检查, 图表 and 汇总 show it. */
import type { UnitLight } from "../../analytics/lights.js";
import { h, table } from "./dom.js";
import { percent } from "./i18n.js";
import type { Pane } from "./pane.js";

export function unitLightTable(pane: Pane, lights: readonly UnitLight[]): HTMLElement | null {
  const { t } = pane;
  if (lights.length === 0) return null;
  return h(
    "div",
    { class: "scroll", tabindex: 0, "aria-label": t.unitTable[0], "data-testid": "unit-lights" },
    table(
      null,
      t.unitTable,
      lights.map((u) => [
        h("span", { class: "unit" }, h("span", { class: `light ${u.light}`, role: "img", "aria-label": t.lights[u.light], title: t.lights[u.light] }), u.unit),
        u.total,
        u.completed,
        u.overdue,
        percent(u.completionRate),
      ]),
      "grid by-unit",
    ),
  );
}
