/**
 * Admin HTTP API under `/_sandbox/` (no auth, loopback only; not rate-limited, not recorded).
 * Mirrors the in-process helpers of the Sandbox object.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { handleConsoleRoute } from './console';
import { isFault } from './faults';
import { isPlainObject, readRawBody } from './http';
import { issueDemoTokens, setInstalled } from './oauth';
import type { SandboxCore } from './server';
import type { DeliverOptions, RateLimitOptions, WebhookEvent } from './types';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function send(res: ServerResponse, status: number, body: unknown): void {
	res.statusCode = status;
	res.setHeader('content-type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
}

export async function handleAdmin(core: SandboxCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
	if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
		send(res, 403, { statusCode: 403, message: 'The sandbox admin API only answers loopback clients' });
		return;
	}
	let body: unknown;
	try {
		const raw = (await readRawBody(req)).toString('utf8');
		body = raw ? JSON.parse(raw) : undefined;
	} catch (err) {
		send(res, 400, { statusCode: 400, message: `Invalid JSON body: ${(err as Error).message}` });
		return;
	}
	const obj = isPlainObject(body) ? body : {};
	const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
	try {
		switch (route) {
			case 'GET /_sandbox/info':
				return send(res, 200, core.info());
			case 'GET /_sandbox/requests': {
				const pathFilter = url.searchParams.get('path');
				const since = Number(url.searchParams.get('since') ?? 0);
				return send(
					res,
					200,
					core.requests.filter((r) => r.at >= since && (!pathFilter || r.path.includes(pathFilter))),
				);
			}
			case 'DELETE /_sandbox/requests': {
				const cleared = core.requests.length;
				core.requests.length = 0;
				return send(res, 200, { cleared });
			}
			case 'POST /_sandbox/reset':
				core.reset();
				return send(res, 200, { ok: true, demo: core.demo });
			case 'POST /_sandbox/oauth/tokens':
				return send(res, 200, issueDemoTokens(core.state(), obj));
			case 'POST /_sandbox/oauth/expire':
				core.tokens.expireAccessTokens();
				return send(res, 200, { ok: true });
			case 'POST /_sandbox/oauth/installation': {
				// { locationId, installed }: uninstall the demo app from a sub-account, or install it again.
				const { locationId, installed } = obj as { locationId?: unknown; installed?: unknown };
				if (typeof locationId !== 'string' || typeof installed !== 'boolean') {
					return send(res, 400, { message: 'Send { "locationId": string, "installed": boolean }' });
				}
				setInstalled(core.state(), locationId, installed);
				return send(res, 200, { ok: true, locationId, installed });
			}
			case 'GET /_sandbox/faults':
				return send(res, 200, core.faults.list());
			case 'POST /_sandbox/faults': {
				const faults = Array.isArray(body) ? body : [body];
				if (!faults.every(isFault)) {
					return send(res, 400, {
						statusCode: 400,
						message: 'Expected a fault {kind:"status"|"latency"|"reset"|"rate-limit-burst", ...} or an array of them',
					});
				}
				faults.forEach((f) => core.faults.add(f));
				return send(res, 200, core.faults.list());
			}
			case 'DELETE /_sandbox/faults':
				core.faults.clear();
				return send(res, 200, { ok: true });
			case 'GET /_sandbox/webhooks/queue':
				return send(res, 200, core.webhooks.queue);
			case 'POST /_sandbox/webhooks/queue': {
				if (typeof obj.type !== 'string' || typeof obj.locationId !== 'string') {
					return send(res, 400, { statusCode: 400, message: 'An event needs at least type and locationId' });
				}
				return send(res, 200, core.webhooks.emit(obj as Partial<WebhookEvent> & { type: string; locationId: string }));
			}
			case 'DELETE /_sandbox/webhooks/queue':
				core.webhooks.queue.length = 0;
				return send(res, 200, { ok: true });
			case 'POST /_sandbox/webhooks/deliver':
				return send(res, 200, await core.webhooks.deliver(obj as DeliverOptions));
			case 'GET /_sandbox/webhooks/deliveries':
				return send(res, 200, core.webhooks.deliveries);
			case 'GET /_sandbox/webhooks/targets':
				return send(res, 200, { targets: core.webhooks.targets });
			case 'POST /_sandbox/webhooks/targets': {
				const targets = Array.isArray(obj.targets) ? obj.targets : typeof obj.url === 'string' ? [obj.url] : undefined;
				if (!targets || !targets.every((t) => typeof t === 'string')) {
					return send(res, 400, { statusCode: 400, message: 'Send {targets: string[], replace?: boolean} or {url: string}' });
				}
				const next = obj.replace === true ? targets : [...core.webhooks.targets, ...targets];
				core.webhooks.targets = [...new Set(next as string[])];
				if (typeof obj.autoDeliver === 'boolean') core.webhooks.autoDeliver = obj.autoDeliver;
				return send(res, 200, { targets: core.webhooks.targets, autoDeliver: core.webhooks.autoDeliver });
			}
			case 'DELETE /_sandbox/webhooks/targets':
				core.webhooks.targets = [];
				return send(res, 200, { targets: [] });
			case 'GET /_sandbox/store':
				return send(res, 200, core.store.snapshot());
			case 'GET /_sandbox/stats':
				return send(res, 200, core.stats());
			case 'POST /_sandbox/rate-limit': {
				const { max, intervalMs, daily } = obj as Partial<RateLimitOptions>;
				core.rateLimiter.options = {
					max: typeof max === 'number' ? max : core.rateLimiter.options.max,
					intervalMs: typeof intervalMs === 'number' ? intervalMs : core.rateLimiter.options.intervalMs,
					daily: typeof daily === 'number' ? daily : core.rateLimiter.options.daily,
				};
				core.rateLimiter.reset();
				return send(res, 200, core.rateLimiter.options);
			}
		}
		const consoleAnswer = await handleConsoleRoute(core, route, url, obj);
		if (consoleAnswer) return send(res, consoleAnswer.status, consoleAnswer.body);
		const settings = /^POST \/_sandbox\/locations\/([^/]+)\/settings$/.exec(route);
		if (settings) {
			const location = core.store.locations.get(decodeURIComponent(settings[1]));
			if (!location) return send(res, 404, { statusCode: 404, message: 'Unknown location' });
			if (typeof obj.allowDuplicateContact === 'boolean') location.allowDuplicateContact = obj.allowDuplicateContact;
			return send(res, 200, location);
		}
		return send(res, 404, { statusCode: 404, message: `Unknown sandbox admin route: ${route}` });
	} catch (err) {
		const status = (err as { status?: number }).status ?? 500;
		const errBody = (err as { body?: unknown }).body ?? { statusCode: status, message: (err as Error).message };
		return send(res, status, errBody);
	}
}
