/**
 * The JSON report of one ledger sheet, exactly as `../shared/contract/report.schema.json`
 * describes it. Reports are data: the command line prints them, the add-in renders them.
 */
import type { Day } from "./day.js";
import type { DeadlineKind } from "./deadline.js";
import type { Finding } from "./findings/finding.js";
import type { Item } from "./item.js";
import type { Ledger } from "./ledger.js";
import type { Role } from "./roles.js";
import { columnLetter } from "./sheet/address.js";
import type { Pace, StatusValue } from "./status.js";
import type { Summary } from "./summary.js";

export const SCHEMA_VERSION = 1;

export interface ReportItem {
  row: number;
  seq: string | null;
  category: string | null;
  task: string | null;
  measure: string | null;
  leader: string | null;
  unit: string | null;
  owner: string | null;
  deadline: { raw: string | null; date: Day | null; kind: DeadlineKind };
  status: { raw: string | null; value: StatusValue | null; pace: Pace | null };
  completedOn: Day | null;
  overdue: boolean;
  daysOverdue: number;
  dueSoon: boolean;
}

export interface LedgerReport {
  schemaVersion: typeof SCHEMA_VERSION;
  file: string;
  sheet: string;
  asOf: Day;
  baseYear: number | null;
  header: { row: number; columns: Partial<Record<Role, string>> };
  items: ReportItem[];
  findings: Finding[];
  summary: Summary;
}

function reportItem(item: Item): ReportItem {
  return {
    row: item.row,
    seq: item.seq,
    category: item.category,
    task: item.task,
    measure: item.measure,
    leader: item.leader,
    unit: item.unit,
    owner: item.owner,
    deadline: { raw: item.deadline.raw, date: item.deadline.date, kind: item.deadline.kind },
    status: { raw: item.status.raw, value: item.status.value, pace: item.status.pace ?? null },
    completedOn: item.completedOn,
    overdue: item.overdue,
    daysOverdue: item.daysOverdue,
    dueSoon: item.dueSoon,
  };
}

export function toReport(ledger: Ledger, file: string): LedgerReport {
  const columns: Partial<Record<Role, string>> = {};
  // The start-date column is read for relative deadlines; the report's columns are the contract's roles.
  for (const [role, col] of ledger.header.roles) if (role !== "start") columns[role] = columnLetter(col);
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    sheet: ledger.sheet.name,
    asOf: ledger.asOf,
    baseYear: ledger.baseYear,
    header: { row: ledger.header.lastRow, columns },
    items: ledger.items.map(reportItem),
    findings: [...ledger.findings],
    summary: ledger.summary,
  };
}
