/** Figures of repeated runs: median and range. */

export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number[];
}

export function spread(values: number[]): Spread {
	const runs = values.filter((value) => Number.isFinite(value));
	if (!runs.length) return { median: NaN, min: NaN, max: NaN, runs: values };
	const sorted = [...runs].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values };
}

/** `12.3 (11.9–12.8)`; digits after the point as given. */
export function formatSpread(value: Spread, digits = 1, unit = ''): string {
	if (!Number.isFinite(value.median)) return 'n/a';
	const f = (n: number) => n.toFixed(digits);
	return value.min === value.max ? `${f(value.median)}${unit}` : `${f(value.median)}${unit} (${f(value.min)}–${f(value.max)})`;
}
