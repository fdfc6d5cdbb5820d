/**
 * Partner simulators for the workflow templates: LeadSquared, DPD (getdpd.com), leadPops and
 * LeadCars on one plain-`http` server on 127.0.0.1, one path prefix per partner:
 *
 *   /leadsquared/v2/...       LeadSquared REST (accessKey/secretKey query or x-LSQ-* headers)
 *   /dpd/v2/...               DPD API (HTTP Basic)
 *   /leadpops/api/v1/leads    leadPops (header leadpops-authorization)
 *   /leadcars/api/v2/...      LeadCars (header cliente-token)
 *   /anyapp/api/records       "any app", the other system of the generic templates (header x-api-key)
 *
 * Every request is recorded in `requests` (with the partner it was for and whether its demo
 * credentials were right). Each partner also fires its own webhooks at n8n
 * (`leadsquared.sendWebhook`, `dpd.sendIpn`, `leadpops.sendLead`). See README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { AnyAppSimulator, ANYAPP_DEMO } from './anyapp';
import { handlePartnersConsole } from './console';
import { flattenHeaders, parseBody, type PartnerContext, type PartnerName, type PartnerReply, type PartnerRequest, type PartnerSimulator } from './common';
import { DpdSimulator, DPD_DEMO } from './dpd';
import { PartnerFaults } from './faults';
import { LeadCarsSimulator, LEADCARS_DEMO } from './leadcars';
import { LeadPopsSimulator, LEADPOPS_DEMO } from './leadpops';
import { LeadSquaredSimulator, LSQ_DEMO } from './leadsquared';

export type { PartnerName, PartnerRequest, WebhookResult } from './common';
export type { AnyAppRecord } from './anyapp';
export type { PartnerFault } from './faults';
export type { DpdIpnOptions, DpdPurchase } from './dpd';
export type { LeadCarsComment, LeadCarsLeadInfo } from './leadcars';
export type { LeadPopsLead } from './leadpops';
export type { LsqActivity, LsqLead, LsqNote, LsqTask, LsqWebhookEvent, LsqWebhookOptions } from './leadsquared';
export { AnyAppSimulator, DpdSimulator, LeadCarsSimulator, LeadPopsSimulator, LeadSquaredSimulator };
export { ANYAPP_DEMO, DPD_DEMO, LEADCARS_DEMO, LEADPOPS_DEMO, LSQ_DEMO };

/** Port the templates' Config nodes point at by default. */
export const DEFAULT_PARTNERS_PORT = 8788;

export interface PartnersOptions {
	/** 0 = a free port (default). The templates' default URLs use 8788. */
	port?: number;
	/** Clock for ids, timestamps and the relative seed dates (default: real time). */
	now?: () => Date;
	/** Print one line per request. */
	log?: boolean;
}

/** Demo credentials of every partner (not secrets: they only open these simulators). */
export const PARTNER_DEMO = { leadsquared: LSQ_DEMO, dpd: DPD_DEMO, leadpops: LEADPOPS_DEMO, leadcars: LEADCARS_DEMO, anyapp: ANYAPP_DEMO } as const;

export interface Partners {
	url: string;
	port: number;
	leadsquared: LeadSquaredSimulator;
	dpd: DpdSimulator;
	leadpops: LeadPopsSimulator;
	leadcars: LeadCarsSimulator;
	anyapp: AnyAppSimulator;
	/** Every request received, oldest first (cleared by `reset()`). */
	requests: PartnerRequest[];
	/** Requests for one partner, optionally only those whose route contains `routePart`. */
	requestsFor(partner: PartnerName, routePart?: string): PartnerRequest[];
	/** 5xx answers, timeouts, slow answers and 429s on demand (faults.ts); cleared by `reset()`. */
	faults: PartnerFaults;
	demo: typeof PARTNER_DEMO;
	/** Back to the seed data; forgets recorded requests. */
	reset(): void;
	close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, reply: PartnerReply, method: string): void {
	const isText = typeof reply.body === 'string';
	const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		'content-type': reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
		'content-length': Buffer.byteLength(payload),
		...(reply.headers ?? {}),
	});
	res.end(method === 'HEAD' ? undefined : payload);
}

export async function startPartners(opts: PartnersOptions = {}): Promise<Partners> {
	const now = opts.now ?? (() => new Date());
	let url = '';
	const baseUrl = () => url;
	const leadsquared = new LeadSquaredSimulator(baseUrl, now);
	const dpd = new DpdSimulator(baseUrl, now);
	const leadpops = new LeadPopsSimulator(baseUrl, now);
	const leadcars = new LeadCarsSimulator(baseUrl, now);
	const anyapp = new AnyAppSimulator(baseUrl);
	const byPrefix: Record<string, PartnerSimulator> = { leadsquared, dpd, leadpops, leadcars, anyapp };
	const requests: PartnerRequest[] = [];
	const partnerFaults = new PartnerFaults();

	const server: Server = createServer((req, res) => {
		void (async () => {
			const at = Date.now();
			const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
			// The console page and its JSON (console.ts); not recorded as partner requests.
			if (handlePartnersConsole(req.method ?? 'GET', parsedUrl.pathname, res, { leadsquared, dpd, leadpops, leadcars, anyapp, requests })) return;
			const [, prefix = '', ...rest] = parsedUrl.pathname.split('/');
			const partner = byPrefix[prefix];
			const headers = flattenHeaders(req.headers);
			const method = (req.method ?? 'GET').toUpperCase();
			let rawBody = '';
			let reply: PartnerReply;
			const record: PartnerRequest = {
				partner: partner?.name ?? 'unknown',
				method,
				path: parsedUrl.pathname,
				route: `/${rest.join('/')}`,
				query: Object.fromEntries(parsedUrl.searchParams),
				headers,
				body: undefined,
				rawBody: '',
				status: 0,
				authorized: false,
				at,
			};
			try {
				rawBody = await readBody(req);
				const contentType = headers['content-type'] ?? '';
				const body = parseBody(rawBody, contentType);
				record.body = body;
				record.rawBody = rawBody;
				if (!partner) {
					reply = { status: 404, body: { message: `Unknown partner prefix /${prefix}. Use /leadsquared, /dpd, /leadpops, /leadcars or /anyapp.` } };
				} else {
					const fault = await partnerFaults.apply(partner.name, method, record.route);
					if (fault && 'drop' in fault) {
						record.status = 0;
						requests.push(record);
						req.socket.destroy();
						return;
					}
					const ctx: PartnerContext = { method, route: record.route, query: record.query, headers, body, rawBody, contentType };
					reply = fault ? fault.reply : await partner.handle(ctx);
				}
			} catch (error) {
				reply = { status: 500, body: { message: (error as Error).message } };
			}
			record.status = reply.status;
			record.authorized = reply.authorized ?? false;
			requests.push(record);
			if (opts.log) console.log(`[partners] ${method} ${parsedUrl.pathname}${parsedUrl.search} -> ${reply.status}`);
			send(res, reply, method);
		})();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	url = `http://127.0.0.1:${port}`;

	let closed = false;
	return {
		url,
		port,
		leadsquared,
		dpd,
		leadpops,
		leadcars,
		anyapp,
		requests,
		demo: PARTNER_DEMO,
		requestsFor: (partner, routePart) =>
			requests.filter((r) => r.partner === partner && (routePart === undefined || r.route.includes(routePart))),
		faults: partnerFaults,
		reset() {
			for (const simulator of Object.values(byPrefix)) simulator.reset();
			requests.length = 0;
			partnerFaults.clear();
		},
		async close() {
			if (closed) return;
			closed = true;
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
