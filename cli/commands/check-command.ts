/** The `check` command's arguments and options (contract §7), wired to runCheck. */
import { Option, type Command } from "commander";
import { DEFAULT_DUE_SOON_DAYS } from "../../analytics/overdue.js";
import { processOutput, useColor } from "../io.js";
import { parseAsOf, parseBaseYear, parseDays, parseLang, COLUMNS_HELP, parseColumns } from "../options.js";
import { runCheck } from "./run-check.js";

interface CheckFlags {
  columns?: string;
  sheet?: string;
  asOf?: string;
  baseYear?: string;
  dueSoonDays?: string;
  json?: boolean;
  all?: boolean;
  lang?: string;
  color?: boolean;
  verbose?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("读取台账，输出汇总与发现的问题 · read ledgers, print a summary and findings")
    .argument("<files...>", "xlsx 文件 · workbook files")
    .option("--sheet <name>", "只检查这个工作表 · only this sheet")
    .option("--columns <mapping>", COLUMNS_HELP)
    .option("--as-of <YYYY-MM-DD>", "截至日期，默认今天（北京时间） · as-of day, default today in China")
    .option("--base-year <YYYY>", "未写年份的时限按此年计 · year for deadlines that name none")
    .option("--due-soon-days <n>", `即将到期的天数窗口 · due-soon window in days (default ${DEFAULT_DUE_SOON_DAYS})`)
    .option("--json", "输出 JSON 报告（report.schema.json） · print JSON reports")
    .option("--all", "列出全部发现 · list every finding")
    .addOption(new Option("--lang <zh|en>", "消息语言 · message language").default("zh"))
    .option("--no-color", "不使用颜色 · no colors")
    .option("--verbose", "显示每类问题的规则编号 · show each rule's id")
    .action(async (files: string[], flags: CheckFlags) => {
      process.exitCode = await runCheck(
        files,
        {
          sheet: flags.sheet,
          columns: parseColumns(flags.columns),
          asOf: parseAsOf(flags.asOf),
          baseYear: parseBaseYear(flags.baseYear),
          dueSoonDays: parseDays(flags.dueSoonDays, DEFAULT_DUE_SOON_DAYS),
          json: flags.json === true,
          all: flags.all === true,
          lang: parseLang(flags.lang),
          color: useColor(flags.color),
          verbose: flags.verbose === true,
        },
        processOutput,
      );
    });
}
