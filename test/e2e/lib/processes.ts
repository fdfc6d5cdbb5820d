/**
 * Child processes of the stack (n8n main/workers, redis): each is started in its own
 * process group (n8n forks task runners) with its output in a log file, and stopped by
 * signalling that group only. Anything still running when this process exits is killed.
 */
import { spawn, type ChildProcess } from 'child_process';
import { closeSync, openSync, readFileSync } from 'fs';
import net from 'net';

export interface Managed {
	name: string;
	child: ChildProcess;
	logFile?: string;
	exited: Promise<number | null>;
	/** Exit code once it has exited. */
	exitCode?: number | null;
	log(): string;
	stop(timeoutMs?: number): Promise<void>;
}

const running = new Set<Managed>();

process.on('exit', () => {
	for (const proc of running) killGroup(proc.child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

export function startProcess(
	name: string,
	command: string,
	args: string[],
	/** Without a logFile the output goes to this process's stdout/stderr. */
	options: { env: NodeJS.ProcessEnv; cwd?: string; logFile?: string },
): Managed {
	const fd = options.logFile ? openSync(options.logFile, 'a') : undefined;
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: fd === undefined ? ['ignore', 'inherit', 'inherit'] : ['ignore', fd, fd],
	});
	if (fd !== undefined) closeSync(fd);
	let resolveExit!: (code: number | null) => void;
	const exited = new Promise<number | null>((resolve) => (resolveExit = resolve));
	const managed: Managed = {
		name,
		child,
		logFile: options.logFile,
		exited,
		log: () => {
			if (!options.logFile) return '';
			try {
				return readFileSync(options.logFile, 'utf8');
			} catch {
				return '';
			}
		},
		async stop(timeoutMs = 15000) {
			if (managed.exitCode !== undefined) {
				// The leader is gone; make sure its group (task runners) is too.
				killGroup(child, 'SIGKILL');
				return;
			}
			killGroup(child, 'SIGTERM');
			const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
			if ((await Promise.race([exited, timer])) === 'timeout') {
				killGroup(child, 'SIGKILL');
				await exited;
			}
			killGroup(child, 'SIGKILL');
		},
	};
	child.on('exit', (code, signal) => {
		managed.exitCode = code ?? (signal ? -1 : null);
		running.delete(managed);
		resolveExit(managed.exitCode);
	});
	child.on('error', () => {
		managed.exitCode = -1;
		running.delete(managed);
		resolveExit(-1);
	});
	running.add(managed);
	return managed;
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** Runs a command to completion (its own process group, killed on timeout). */
export function runProcess(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			detached: true,
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		if (options.input !== undefined) child.stdin!.end(options.input);
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			stderr += `\n[killed after ${options.timeoutMs} ms]`;
		}, options.timeoutMs ?? 120000);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			// Task-runner children of a CLI command must not outlive it.
			killGroup(child, 'SIGKILL');
			resolve({ code, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false> | T | undefined | false,
	{ timeoutMs = 60000, intervalMs = 250, onTimeout }: { timeoutMs?: number; intervalMs?: number; onTimeout?: () => string } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value as T;
		} catch (err) {
			lastError = err;
		}
		if (Date.now() > deadline) {
			const extra = onTimeout ? `\n${onTimeout()}` : '';
			const cause = lastError ? ` (last error: ${(lastError as Error).message})` : '';
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}${extra}`);
		}
		await sleep(intervalMs);
	}
}

/** True when something already listens on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}
