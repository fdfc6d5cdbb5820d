/**
 * Renders a benchmark report again from its JSON (e.g. after its notes were changed):
 *   npx tsx bench/render.ts <folder with benchmarks.json> [--note "a line for the method section"]…
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { renderReport, type BenchReport } from './realN8n/report';

const [folder, ...rest] = process.argv.slice(2);
if (!folder) throw new Error('usage: npx tsx bench/render.ts <folder> [--note "…"]…');
const file = path.join(folder, 'benchmarks.json');
const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
const notes = rest.flatMap((arg, index) => (rest[index - 1] === '--note' ? [arg] : []));
if (notes.length) {
	report.notes = [...(report.notes ?? []), ...notes];
	writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
}
writeFileSync(path.join(folder, 'benchmarks.md'), renderReport(report));
