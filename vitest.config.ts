import { defineConfig } from "vitest/config";

// Two projects: every test once under UTC, and the date-sensitive ones again under
// the zones of `npm run test:tz` (Asia/Shanghai and America/Los_Angeles).
const DATE_TESTS = [
  "test/analytics/{day,overdue,working-days}.test.ts",
  "test/analytics/deadline*.test.ts",
  "test/analytics/xlsx/*.test.ts",
  "test/analytics/xls/read-xls.test.ts",
  "test/analytics/sheet/numfmt.test.ts",
  "test/analytics/normalize/*.test.ts",
  "test/cli/normalize.test.ts",
  "test/xlsx-patch/{apply-plan-to-xlsx,cell-xml,date-system,libreoffice,roundtrip,written-xml}.test.ts",
  "test/addin/excel/read-workbook.test.ts",
  "test/addin/host/{apply-plan-to-book,shared-log}.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build-cli.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          env: { TZ: "UTC" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "dates",
          include: DATE_TESTS,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
