/**
 * Sends n8n's built-in HighLevel node, unmodified, to the local GHL sandbox. Its API host is fixed
 * (`https://services.leadconnectorhq.com`), so inside the n8n process only:
 *
 * 1. a script preloaded with `node --require` answers `dns.lookup('services.leadconnectorhq.com')`
 *    with 127.0.0.1 and points TLS connections to that host at the proxy's port instead of 443;
 * 2. a throw-away CA and a certificate for that host, made with `openssl`, are trusted through
 *    `NODE_EXTRA_CA_CERTS` (Node reads it at start; nothing else is trusted or disabled);
 * 3. a small HTTPS proxy with that certificate forwards every request to the sandbox over plain
 *    HTTP. A path that names no GHL endpoint only because of a trailing slash is sent without it:
 *    GHL's servers (Express, non-strict routing) take `/contacts/upsert/` as `/contacts/upsert`,
 *    the sandbox's router does not, and the built-in node writes most paths with one.
 *
 * The same preload script records, when the process exits, its peak RSS and CPU time (for the
 * memory and per-item CPU figures), in `BENCH_STATS_DIR`.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { request as httpRequest } from 'http';
import { createServer } from 'https';
import type { AddressInfo } from 'net';
import path from 'path';
import { loadSpecBundle, matchRoute } from '../../sandbox/openapi';

export const GHL_HOST = 'services.leadconnectorhq.com';

export interface Redirect {
	/** Environment for the n8n processes (NODE_OPTIONS, NODE_EXTRA_CA_CERTS, …). */
	env: Record<string, string>;
	proxyPort: number;
	/** Requests the proxy forwarded. */
	forwarded: number;
	statsDir: string;
	close(): Promise<void>;
}

function openssl(args: string[], cwd: string): void {
	execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A CA and a leaf certificate for GHL_HOST signed by it; keys stay in `dir`. */
export function makeCertificates(dir: string): { caCert: string; cert: string; key: string } {
	mkdirSync(dir, { recursive: true });
	openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=n8n-nodes-ghl bench CA'], dir);
	openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'host.key', '-out', 'host.csr', '-subj', `/CN=${GHL_HOST}`], dir);
	writeFileSync(path.join(dir, 'host.ext'), `subjectAltName=DNS:${GHL_HOST}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
	openssl(['x509', '-req', '-in', 'host.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'host.crt', '-days', '2', '-extfile', 'host.ext'], dir);
	return { caCert: path.join(dir, 'ca.crt'), cert: path.join(dir, 'host.crt'), key: path.join(dir, 'host.key') };
}

/** The preloaded script (plain CommonJS: it runs before anything of n8n is loaded). */
export function preloadSource(): string {
	return `'use strict';
// n8n-nodes-ghl bench: GHL's API host → local TLS proxy, for this process only.
const dns = require('dns');
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const HOST = ${JSON.stringify(GHL_HOST)};
const PORT = Number(process.env.BENCH_GHL_PROXY_PORT);
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
	if (hostname !== HOST) return lookup.apply(this, arguments);
	const cb = typeof options === 'function' ? options : callback;
	const all = typeof options === 'object' && options !== null && options.all;
	process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
	return {};
};
const connect = tls.connect;
tls.connect = function (...args) {
	const options = args.find((arg) => arg && typeof arg === 'object');
	if (options && (options.servername === HOST || options.host === HOST) && Number(options.port || 443) === 443) options.port = PORT;
	return connect.apply(this, args);
};
const statsDir = process.env.BENCH_STATS_DIR;
if (statsDir) {
	process.on('exit', () => {
		try {
			const usage = process.resourceUsage();
			fs.writeFileSync(
				path.join(statsDir, process.pid + '.json'),
				JSON.stringify({ pid: process.pid, argv: process.argv.slice(2), maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }),
			);
		} catch {}
	});
}
`;
}

/**
 * Starts the TLS proxy in front of the sandbox (`sandboxUrl()` is read per request: the proxy can
 * start before the sandbox) and writes the certificates and the preload script.
 */
export async function startRedirect(sandboxUrl: () => string, dir: string): Promise<Redirect> {
	const { caCert, cert, key } = makeCertificates(path.join(dir, 'tls'));
	const preload = path.join(dir, 'ghl-host-redirect.cjs');
	writeFileSync(preload, preloadSource());
	const statsDir = path.join(dir, 'stats');
	mkdirSync(statsDir, { recursive: true });
	const { operations } = loadSpecBundle();
	const redirect = { forwarded: 0 } as Redirect;
	const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
		redirect.forwarded++;
		const target = new URL(sandboxUrl());
		const url = new URL(req.url ?? '/', `https://${GHL_HOST}`);
		const method = (req.method ?? 'GET').toUpperCase();
		const trimmed = url.pathname.replace(/(.)\/$/, '$1');
		const pathname = !matchRoute(operations, method, url.pathname) && matchRoute(operations, method, trimmed) ? trimmed : url.pathname;
		const upstream = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: pathname + url.search,
				headers: { ...req.headers, host: target.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => {
			res.writeHead(502);
			res.end();
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	redirect.proxyPort = (server.address() as AddressInfo).port;
	redirect.statsDir = statsDir;
	redirect.env = {
		NODE_OPTIONS: `--require ${preload}`,
		NODE_EXTRA_CA_CERTS: caCert,
		BENCH_GHL_PROXY_PORT: String(redirect.proxyPort),
		BENCH_STATS_DIR: statsDir,
	};
	redirect.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return redirect;
}
