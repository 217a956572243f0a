/** Messages from the catalogue's templates: quotes never nest, a due-today item says so. */
import { describe, expect, it } from "vitest";
import { formatMessage, RULES } from "../../../analytics/findings/catalogue.js";
import { makeFinding } from "../../../analytics/findings/finding.js";

describe("formatMessage", () => {
  it("turns the quotes inside a quoted value into single ones, so “ never follows “", () => {
    const message = makeFinding("overdue", "zh", "台账", { row: 11 }, { task: "“三重一大”制度执行不严格", days: 3, date: "2019-06-30", unit: "办公室" }).message;
    expect(message).toBe("第11行“‘三重一大’制度执行不严格”已逾期3天（时限2019-06-30，责任单位办公室）");
    expect(formatMessage(RULES["status-unknown"].message.en, { raw: 'said "done"', row: 4 })).toBe("Row 4: the status “said ‘done’” is not one Taizhang knows");
  });

  it("leaves a value outside quotes as it is", () => {
    expect(formatMessage("{cell}（{column}）公式出错（{error}）", { cell: "K16", column: "“备注”", error: "#N/A" })).toBe("K16（“备注”）公式出错（#N/A）");
  });
});
