/** The `diff` command's arguments and options (contract §8), wired to runDiff. */
import { Option, type Command } from "commander";
import { processOutput, useColor } from "../io.js";
import { parseAsOf, parseBaseYear, parseLang, parseOptionalDay } from "../options.js";

interface DiffFlags {
  sheet?: string;
  asOf?: string;
  oldAsOf?: string;
  baseYear?: string;
  json?: boolean;
  output?: string;
  lang?: string;
  color?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("对比同一台账的两期：新完成、新逾期、延期、反弹，各单位排名变化 · compare two versions of a ledger")
    .argument("<old>", "上期台账 xlsx · the previous version")
    .argument("<new>", "本期台账 xlsx · the current version")
    .option("--sheet <name>", "两期都只用这个工作表 · only this sheet of each file")
    .option("--as-of <YYYY-MM-DD>", "本期截至日期，默认今天（北京时间） · as-of day of the new version, default today in China")
    .option("--old-as-of <YYYY-MM-DD>", "上期截至日期，默认取上期标题中的填报日期 · as-of day of the old version, default the date in its title")
    .option("--base-year <YYYY>", "未写年份的时限按此年计 · year for deadlines that name none")
    .option("--json", "输出 JSON（契约第8节） · print the JSON of contract §8")
    .option("-o, --output <file>", "另存为 .xlsx 或 .html · also write the comparison to an .xlsx or .html file")
    .addOption(new Option("--lang <zh|en>", "消息语言 · message language").default("zh"))
    .option("--no-color", "不使用颜色 · no colors")
    .action(async (oldFile: string, newFile: string, flags: DiffFlags) => {
      const { runDiff } = await import("./run-diff.js");
      process.exitCode = await runDiff(
        oldFile,
        newFile,
        {
          sheet: flags.sheet,
          asOf: parseAsOf(flags.asOf),
          oldAsOf: parseOptionalDay("--old-as-of", flags.oldAsOf),
          baseYear: parseBaseYear(flags.baseYear),
          json: flags.json === true,
          output: flags.output ?? null,
          lang: parseLang(flags.lang),
          color: useColor(flags.color),
        },
        processOutput,
      );
    });
}
