/** The print style of the cycle's pages (diff, the notices' list): A4, CJK fonts, plain tables. */
export const PRINT_STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 186mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #111; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.meta { color: #444; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0; }
th, td { border: 0.75pt solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
section.notice { break-inside: avoid; margin-bottom: 6mm; }
.light { display: inline-block; padding: 0 1.5mm; border: 1pt solid #111; border-radius: 1mm; font-weight: bold; }
.light.red { background: #c62828; color: #fff; }
.light.amber { background: #f9a825; color: #111; }
.light.green { background: #2e7d32; color: #fff; }
.light.grey { background: #bdbdbd; color: #111; }
`;
