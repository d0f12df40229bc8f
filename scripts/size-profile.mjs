// Groups a twiggy CSV profile (`twiggy top -f csv FILE`) by where the bytes come from: a module
// of this crate (two levels deep, e.g. reachplan::engine::topology) or another crate, and prints
// the largest contributors, then the largest single items.
//   twiggy top -f csv app_bg.wasm | node scripts/size-profile.mjs [N]
import { readFileSync } from "node:fs";

const top = Number(process.argv[2] ?? 10);
const rows = readFileSync(0, "utf8").trim().split("\n").slice(1).map(parseRow);

/** One CSV line: a quoted or bare name, then the shallow size. */
function parseRow(line) {
  let name;
  let rest;
  if (line.startsWith('"')) {
    const end = line.search(/"(?=,\d)/);
    name = line.slice(1, end).replaceAll('""', '"');
    rest = line.slice(end + 2);
  } else {
    const comma = line.indexOf(",");
    name = line.slice(0, comma);
    rest = line.slice(comma + 1);
  }
  return { name, bytes: Number(rest.split(",")[0]) };
}

/** The crate, or this crate's module, that an item's code belongs to. */
function owner(name) {
  if (name.startsWith("data segment")) return "(data: constant tables and strings)";
  if (/^(type|elem|table|import|export|global|memory)\b/.test(name)) return "(wasm: " + name.split(/[\s[]/)[0] + ")";
  if (/^code\[\d+\]$/.test(name)) return "(code without a name)";
  const path = name.replace(/^[<&(\[]+|^(mut |dyn |const |impl )+/g, "").replace(/^[<&(\[]+/, "");
  const parts = path.split("::");
  if (parts.length < 2) return "(" + name.slice(0, 40) + ")";
  if (parts[0] === "reachplan") return parts.slice(0, Math.min(3, parts.length - 1)).join("::");
  return parts[0].replace(/\[[0-9a-f]+\]$/, "");
}

const kept = rows.filter((r) => !r.name.includes("function names") && r.name !== "name section");
const total = kept.reduce((s, r) => s + r.bytes, 0);
const groups = new Map();
for (const r of kept) groups.set(owner(r.name), (groups.get(owner(r.name)) ?? 0) + r.bytes);
const pct = (b) => ((100 * b) / total).toFixed(1).padStart(5) + " %";
const kb = (b) => (b / 1024).toFixed(1).padStart(7) + " KB";

console.log(`  largest contributors (of ${kb(total).trim()} before wasm-opt and gzip):`);
for (const [g, b] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${kb(b)} ${pct(b)}  ${g}`);
}
console.log("  largest items:");
for (const r of kept.sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
  console.log(`  ${kb(r.bytes)} ${pct(r.bytes)}  ${r.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 90)}`);
}
