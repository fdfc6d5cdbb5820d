/**
 * The project's reference material (seeds, catalogues, GHL's official OpenAPI files) sits beside a
 * developer's clone, never in it, and nothing that builds, tests or starts needs it. This is the one
 * place that knows where it is: tests that compare the committed copies with it ask for a path here
 * and skip when it is absent (a user's clone).
 */
import { existsSync } from 'fs';
import path from 'path';

const REFERENCE_DIR = path.resolve(__dirname, '..', '..', 'shared');

/** The path of a reference file or folder, or undefined where it is not beside the clone. */
export function referencePath(...parts: string[]): string | undefined {
	const target = path.join(REFERENCE_DIR, ...parts);
	return existsSync(target) ? target : undefined;
}
