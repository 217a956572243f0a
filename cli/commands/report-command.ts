/** The `report` command's arguments and options (contract §7), wired to runReport. */
import { Option, type Command } from "commander";
import { DEFAULT_DUE_SOON_DAYS } from "../../analytics/overdue.js";
import { processOutput } from "../io.js";
import { parseAsOf, parseBaseYear, parseDays, parseLang, COLUMNS_HELP, parseColumns } from "../options.js";
import { readRulesFile } from "../rules-file.js";

interface ReportFlags {
  columns?: string;
  output: string;
  sheet?: string;
  asOf?: string;
  baseYear?: string;
  dueSoonDays?: string;
  lang?: string;
  rules?: string;
  previous?: string[];
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("生成给领导看的完成情况图表、网页报告和汇总工作簿；多个文件合并统计 · charts, an HTML page and a summary workbook; several files are consolidated")
    .argument("<inputs...>", "xlsx 文件或文件夹 · workbook files or folders of them")
    .requiredOption("-o, --output <dir>", "输出文件夹 · output folder")
    .option("--sheet <name>", "只用这个工作表 · only this sheet of each file")
    .option("--columns <mapping>", COLUMNS_HELP)
    .option("--as-of <YYYY-MM-DD>", "截至日期，默认今天（北京时间） · as-of day, default today in China")
    .option("--base-year <YYYY>", "未写年份的时限按此年计 · year for deadlines that name none")
    .option("--due-soon-days <n>", `即将到期的天数窗口 · due-soon window in days (default ${DEFAULT_DUE_SOON_DAYS})`)
    .option("--rules <file>", "红黄绿灯规则文件（JSON） · the lights' rules file (JSON)")
    .option("--previous <files...>", "上期台账，报告中加“较上期”一节 · the previous version(s): adds a section on what changed")
    .addOption(new Option("--lang <zh|en>", "报告语言 · report language").default("zh"))
    .action(async (inputs: string[], flags: ReportFlags) => {
      const { runReport } = await import("./run-report.js");
      process.exitCode = await runReport(
        inputs,
        {
          output: flags.output,
          sheet: flags.sheet,
          columns: parseColumns(flags.columns),
          asOf: parseAsOf(flags.asOf),
          baseYear: parseBaseYear(flags.baseYear),
          dueSoonDays: parseDays(flags.dueSoonDays, DEFAULT_DUE_SOON_DAYS),
          lang: parseLang(flags.lang),
          progress: process.stderr.isTTY === true,
          rules: await readRulesFile(flags.rules),
          previous: flags.previous ?? [],
        },
        processOutput,
      );
    });
}
