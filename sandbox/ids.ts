import { randomBytes, randomUUID } from 'crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Deterministic id source (mulberry32): the same seed gives the same 20-char
 * alphanumeric ids, so ids are identical after every reset() and every run.
 */
export class IdGenerator {
	private state: number;

	constructor(private readonly seed = 0x6c8e9cf5) {
		this.state = seed >>> 0;
	}

	reset(): void {
		this.state = this.seed >>> 0;
	}

	private nextFloat(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	next(length = 20): string {
		let id = '';
		for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(this.nextFloat() * ALPHABET.length)];
		return id;
	}
}

/** Unpredictable token material (OAuth tokens, codes). Not hex, not `pit-` shaped. */
export function randomToken(prefix: string, length = 40): string {
	const bytes = randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
	return `${prefix}${out}`;
}

export function uuid(): string {
	return randomUUID();
}
