import { defineConfig } from "vitest/config";

// Two projects: every test once under UTC, and the date-sensitive ones again under
// the zones of `npm run test:tz` (Asia/Shanghai and America/Los_Angeles).
const DATE_TESTS = ["test/day.test.ts", "test/deadline*.test.ts", "test/xlsx/*.test.ts", "test/overdue.test.ts", "test/normalize/*.test.ts", "test/xlsx-patch/{apply-plan,cell-xml}.test.ts", "test/addin/{read-workbook,apply-plan,shared-log}.test.ts"];

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
