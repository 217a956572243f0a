/** The `normalize` command's arguments and options (contract §7), wired to runNormalize. */
import { Option, type Command } from "commander";
import { DEFAULT_DUE_SOON_DAYS } from "../../analytics/overdue.js";
import { UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import { processOutput } from "../io.js";
import { parseAsOf, parseBaseYear, parseDays, parseLang, COLUMNS_HELP, parseColumns } from "../options.js";

interface NormalizeFlags {
  columns?: string;
  output?: string;
  sheet?: string;
  asOf?: string;
  baseYear?: string;
  dueSoonDays?: string;
  mergeNames?: boolean;
  names?: string;
  overdueColumn?: boolean;
  ids?: boolean;
  force?: boolean;
  lang?: string;
}

export function registerNormalize(program: Command): void {
  program
    .command("normalize")
    .description("写出规范化的台账副本，改动逐条列在“变更记录”表 · write a normalized copy; every change is listed on the sheet 变更记录")
    .argument("<file>", "xlsx 文件（不会被改动） · the workbook (never written)")
    .option("-o, --output <OUT.xlsx>", "输出文件 · the copy to write")
    .option("--sheet <name>", "只规范这个工作表 · only this sheet")
    .option("--columns <mapping>", COLUMNS_HELP)
    .option("--as-of <YYYY-MM-DD>", "截至日期，默认今天（北京时间） · as-of day, default today in China")
    .option("--base-year <YYYY>", "未写年份的时限按此年计 · year for deadlines that name none")
    .option("--due-soon-days <n>", `即将到期的天数窗口 · due-soon window in days (default ${DEFAULT_DUE_SOON_DAYS})`)
    .option("--merge-names", "把写法不一致的名称统一为最常用的写法 · merge name variants into their canonical spelling")
    .option("--names <MAPPING>", "名称对照文件，每行“原名称 = 规范名称” · a file of “variant = canonical” lines")
    .option("--overdue-column", "在表格右侧加“逾期天数”公式列 · add a days-overdue formula column")
    .option("--ids", "没有编号列时在表格右侧加“编号”列，供下期对比 · add a stable id column (编号) where there is none")
    // Accepted for scripts written when charts and the like made normalize refuse; nothing is dropped now.
    .addOption(new Option("--force").hideHelp())
    .addOption(new Option("--lang <zh|en>", "消息语言 · message language").default("zh"))
    .action(async (file: string, flags: NormalizeFlags) => {
      if (flags.output === undefined) throw new UsageError(userMessage("output-required"));
      const { runNormalize } = await import("./run-normalize.js");
      process.exitCode = await runNormalize(
        file,
        {
          output: flags.output,
          sheet: flags.sheet,
          columns: parseColumns(flags.columns),
          asOf: parseAsOf(flags.asOf),
          baseYear: parseBaseYear(flags.baseYear),
          dueSoonDays: parseDays(flags.dueSoonDays, DEFAULT_DUE_SOON_DAYS),
          mergeNames: flags.mergeNames === true,
          namesFile: flags.names,
          overdueColumn: flags.overdueColumn === true,
          ids: flags.ids === true,
          force: flags.force === true,
          lang: parseLang(flags.lang),
        },
        processOutput,
      );
    });
}
