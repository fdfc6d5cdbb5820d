/**
 * DPD (getdpd.com, digital product delivery) simulator under `/dpd` (research partner-apps.md §2).
 *
 * - API `/dpd/v2/...`: read-only, HTTP Basic (account username + API password).
 *   `GET /v2/purchases` filters like the real one (status, date_min/date_max, customer_email,
 *   product_id, storefront_id, page) and pages by 100; past the last page, or with no match,
 *   it answers 404 `{"status":"NOTFOUND"}` (the sentinel the docs tell clients to stop on).
 * - `POST /v2/notification/verify`: the IPN fields posted back form-encoded; plain-text
 *   `VERIFIED` when they are exactly an IPN this simulator sent, else `INVALID`.
 * - `sendIpn(url)`: posts an IPN (form fields, PayPal-IPN style) with Basic auth, as DPD does
 *   for a `https://user:pass@host/path` notification URL. DPD never retries.
 *
 * Seed purchases are dated relative to the simulator's clock so a template's default
 * "last 24 hours" window finds them. For imports and refunds at scale:
 * - `generateHistory({count, buyers, ...})`: a purchase history of thousands, spread over years
 *   (default: the 3 years before the last 2 days, so outside a poll's window), buyers repeating;
 * - `refund(id)`: DPD marks an old purchase refunded (status RFD, `updated_at` now; `created_at`,
 *   which `date_min`/`date_max` filter on, stays);
 * - `goDownAfter(n)`: the API answers 503 to every request after the next n (down mid-import),
 *   until `recover()`.
 */
import purchaseSample from './payloads/dpd-purchase.api-object.json';
import ipnSample from './payloads/dpd-purchase-ipn.json';
import { basicAuth, clone, json, postWebhook, text, type PartnerContext, type PartnerReply, type PartnerSimulator, type WebhookResult } from './common';

export const DPD_DEMO = {
	/** API credentials (Basic auth against the DPD API). */
	apiUser: 'dpd-demo-user',
	apiPassword: 'dpd-demo-api-password',
	/** Credentials DPD puts in the IPN URL (`https://user:pass@host/path`); the n8n Webhook node checks them. */
	ipnUser: 'dpd-ipn',
	ipnPassword: 'dpd-demo-ipn-password',
	storefrontId: 47210,
} as const;

export type DpdPurchase = typeof purchaseSample & Record<string, unknown>;

export interface DpdIpnOptions {
	/** IPN fields to send instead of the sample (strings, as form fields). */
	fields?: Record<string, string>;
	/** Basic credentials for the receiver; default the demo IPN user. `null` sends none. */
	auth?: { user: string; password: string } | null;
	/** Sign the fields so `/notification/verify` answers VERIFIED (default true). */
	register?: boolean;
}

const PAGE_SIZE = 100;

export interface DpdHistoryOptions {
	/** How many purchases (ids from `firstId` up, oldest first). */
	count: number;
	/** Distinct buyers; purchase n is bought by buyer n % buyers (default: one buyer per purchase). */
	buyers?: number;
	/** Oldest purchase (default 3 years before the simulator's now). */
	from?: Date;
	/** Newest purchase (default 2 days before now, outside a 24-hour poll). */
	to?: Date;
	/** Every n-th purchase is refunded already (status RFD); 0 = none (default). */
	refundEvery?: number;
	firstId?: number;
}

/** The products a generated history sells (ids and prices as in the sample's storefront). */
const HISTORY_PRODUCTS = [
	{ product_id: 239238, product_name: 'Lightroom Preset Pack', price: '29.00' },
	{ product_id: 239241, product_name: 'Editing Masterclass (video)', price: '25.00' },
	{ product_id: 239250, product_name: 'Portrait Retouching Actions', price: '19.00' },
	{ product_id: 239260, product_name: 'Wedding Album Templates', price: '49.00' },
	{ product_id: 239270, product_name: 'Film Emulation LUTs', price: '15.00' },
];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Emma', 'Felix', 'Grace', 'Hugo', 'Iris', 'José', 'Kai', 'Lena', 'Mia', 'Noah', 'Omar', 'Priya'];
const LAST_NAMES = ['Adams', 'Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'García', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Müller', 'Nakamura', 'Ortiz', 'Patel', 'Quinn'];
const PLACES = [
	{ city: 'Portland', state: 'OR', zip: '97205', country: 'US' },
	{ city: 'Berlin', state: 'BE', zip: '10115', country: 'DE' },
	{ city: 'Madrid', state: 'MD', zip: '28013', country: 'ES' },
	{ city: 'Toronto', state: 'ON', zip: 'M5V 2T6', country: 'CA' },
	{ city: 'Bengaluru', state: 'KA', zip: '560001', country: 'IN' },
];

interface SeedPurchase {
	id: number;
	minutesAgo: number;
	status: string;
	first: string;
	last: string;
	email: string;
	items: Array<{ id: number; product_id: number; product_name: string; price: string }>;
	city?: string;
	state?: string;
	zip?: string;
	street?: string;
	country?: string;
}

const SEED: SeedPurchase[] = [
	// The documented sample (Maya Ortiz) – the same purchase as the IPN sample.
	{ id: 18937181, minutesAgo: 50, status: 'ACT', first: 'Maya', last: 'Ortiz', email: 'maya.ortiz@example.com', items: [] },
	{
		id: 18937190, minutesAgo: 20, status: 'ACT', first: 'Noah', last: 'Becker', email: 'noah.becker@example.com',
		items: [{ id: 28023190, product_id: 239250, product_name: 'Portrait Retouching Actions', price: '19.00' }],
		street: '18 Harbor Lane', city: 'Seattle', state: 'WA', zip: '98101', country: 'US',
	},
	{
		id: 18937195, minutesAgo: 10, status: 'RFD', first: 'Lena', last: 'Fischer', email: 'lena.fischer@example.com',
		items: [{ id: 28023195, product_id: 239238, product_name: 'Lightroom Preset Pack', price: '29.00' }],
		street: 'Hauptstrasse 5', city: 'Berlin', state: 'BE', zip: '10115', country: 'DE',
	},
];

function buildPurchase(seed: SeedPurchase, nowMs: number): DpdPurchase {
	const created = String(Math.floor(nowMs / 1000 - seed.minutesAgo * 60));
	const purchase = clone(purchaseSample) as DpdPurchase;
	purchase.id = seed.id;
	purchase.created_at = created;
	purchase.updated_at = created;
	purchase.status = seed.status;
	purchase.customer.created_at = created;
	purchase.customer.updated_at = created;
	if (seed.items.length) {
		const total = seed.items.reduce((sum, item) => sum + Number(item.price), 0).toFixed(2);
		Object.assign(purchase, {
			buyer_email: seed.email, buyer_firstname: seed.first, buyer_lastname: seed.last,
			billing_firstname: seed.first, billing_lastname: seed.last, billing_street: seed.street ?? null,
			billing_city: seed.city ?? null, billing_state: seed.state ?? null, billing_zip_code: seed.zip ?? null,
			billing_country_code: seed.country ?? null, subtotal: total, discount: '0.00', total, coupons: [], custom_fields: [],
			ip_address: '203.0.113.60', marketing_optin: false,
		});
		purchase.customer = { ...purchase.customer, id: 9437584 + seed.id - 18937181, first_name: seed.first, last_name: seed.last, email: seed.email, receives_email: false };
		purchase.line_items = seed.items.map((item) => ({
			...purchaseSample.line_items[0], id: item.id, purchase_id: seed.id, product_id: item.product_id, product_name: item.product_name,
			price: item.price, subtotal: item.price, discount: '0.00', total: item.price, expires_at: String(Number(created) + 86400),
		}));
	} else {
		purchase.line_items = purchase.line_items.map((item) => ({ ...item, expires_at: String(Number(created) + 86400) }));
	}
	return purchase;
}

/** PHP-strtotime-ish: unix seconds, or anything Date.parse understands (ISO 8601, RFC 2822). */
function toUnix(value: string): number | undefined {
	if (/^\d+$/.test(value.trim())) return Number(value);
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

const notFound = (authorized = true) => json(404, { status: 'NOTFOUND' }, authorized);

export class DpdSimulator implements PartnerSimulator {
	readonly name = 'dpd' as const;
	readonly demo = DPD_DEMO;
	readonly samples = { ipn: ipnSample as Record<string, string>, purchase: purchaseSample as unknown as Record<string, unknown> };

	private purchaseList: DpdPurchase[] = [];
	/** API requests still answered before the simulator goes down (undefined: up). */
	private requestsLeft: number | undefined;
	/** verify_sign → the exact field set DPD sent with it. */
	private sentIpns = new Map<string, Record<string, string>>();
	private ipnCounter = 0;

	constructor(
		private readonly baseUrl: () => string,
		private readonly now: () => Date,
	) {
		this.reset();
	}

	get url(): string {
		return `${this.baseUrl()}/dpd`;
	}

	reset(): void {
		const nowMs = this.now().getTime();
		this.purchaseList = SEED.map((seed) => buildPurchase(seed, nowMs));
		this.sentIpns.clear();
		// The sample IPN is the notification DPD sent for the seeded purchase 18937181, so a
		// template run on it by hand verifies against this simulator (and fails against real DPD).
		this.sentIpns.set(ipnSample.verify_sign, { ...(ipnSample as Record<string, string>) });
		this.ipnCounter = 0;
		this.requestsLeft = undefined;
	}

	/**
	 * Adds a purchase history like a real store's (thousands of purchases over years, buyers who
	 * come back). Buyer b is always `buyer<b>@example.com` with the same name and address.
	 * Returns the purchases added, oldest first.
	 */
	generateHistory(options: DpdHistoryOptions): DpdPurchase[] {
		const nowMs = this.now().getTime();
		const toMs = (options.to ?? new Date(nowMs - 2 * 86_400_000)).getTime();
		const fromMs = (options.from ?? new Date(nowMs - 3 * 365 * 86_400_000)).getTime();
		const buyers = Math.max(1, options.buyers ?? options.count);
		const firstId = options.firstId ?? 30_000_001;
		const step = options.count > 1 ? (toMs - fromMs) / (options.count - 1) : 0;
		const added: DpdPurchase[] = [];
		for (let n = 0; n < options.count; n++) {
			const buyer = n % buyers;
			const place = PLACES[buyer % PLACES.length];
			const product = HISTORY_PRODUCTS[n % HISTORY_PRODUCTS.length];
			const id = firstId + n;
			const createdMs = fromMs + Math.round(step * n);
			const purchase = buildPurchase(
				{
					id,
					minutesAgo: (nowMs - createdMs) / 60_000,
					status: options.refundEvery && (n + 1) % options.refundEvery === 0 ? 'RFD' : 'ACT',
					first: FIRST_NAMES[buyer % FIRST_NAMES.length],
					last: LAST_NAMES[Math.floor(buyer / FIRST_NAMES.length) % LAST_NAMES.length],
					email: `buyer${buyer}@example.com`,
					items: [{ id: 40_000_000 + n, ...product }],
					street: `${1 + (buyer % 900)} Market Street`,
					...place,
				},
				nowMs,
			);
			purchase.customer.id = 9_500_000 + buyer;
			this.purchaseList.push(purchase);
			added.push(purchase);
		}
		return clone(added);
	}

	/** DPD refunds a purchase (whatever its date): status RFD, updated now. */
	refund(id: number): DpdPurchase {
		const purchase = this.purchaseList.find((p) => p.id === id);
		if (!purchase) throw new Error(`no DPD purchase ${id}`);
		purchase.status = 'RFD';
		purchase.updated_at = String(Math.floor(this.now().getTime() / 1000));
		return clone(purchase);
	}

	/** After `requests` more answered API requests, every request is answered 503 until `recover()`. */
	goDownAfter(requests: number): void {
		this.requestsLeft = requests;
	}

	recover(): void {
		this.requestsLeft = undefined;
	}

	purchases(): DpdPurchase[] {
		return clone(this.purchaseList);
	}

	/** Adds a purchase (fields over a copy of the sample); returns it. */
	addPurchase(fields: Partial<DpdPurchase> & { id: number }): DpdPurchase {
		const purchase = { ...clone(purchaseSample), created_at: String(Math.floor(this.now().getTime() / 1000)), ...clone(fields) } as DpdPurchase;
		this.purchaseList.push(purchase);
		return clone(purchase);
	}

	/** The IPN fields DPD would post for the sample purchase (verify_sign included). */
	ipnFields(overrides: Record<string, string> = {}): Record<string, string> {
		return { ...(ipnSample as Record<string, string>), ...overrides };
	}

	/** The fields of an IPN DPD sent (a fresh verify_sign, so /notification/verify answers VERIFIED for exactly these). */
	issueIpn(overrides: Record<string, string> = {}): Record<string, string> {
		const fields = { ...this.ipnFields(overrides), verify_sign: `${(++this.ipnCounter).toString(16).padStart(8, '0')}${'e'.repeat(24)}` };
		this.sentIpns.set(fields.verify_sign, { ...fields });
		return fields;
	}

	/** Posts an IPN to `url` the way DPD does (form fields, Basic auth from the URL's user:pass). */
	async sendIpn(url: string, options: DpdIpnOptions = {}): Promise<WebhookResult> {
		const fields = { ...(options.fields ?? this.ipnFields()) };
		if (options.register !== false) {
			if (!fields.verify_sign) fields.verify_sign = `${(++this.ipnCounter).toString(16).padStart(8, '0')}${'d'.repeat(24)}`;
			this.sentIpns.set(fields.verify_sign, { ...fields });
		}
		const headers: Record<string, string> = {
			'content-type': 'application/x-www-form-urlencoded',
			'user-agent': 'DPD-IPN/2.0 (simulator)',
		};
		const auth = options.auth === undefined ? { user: DPD_DEMO.ipnUser, password: DPD_DEMO.ipnPassword } : options.auth;
		if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
		return await postWebhook(url, new URLSearchParams(fields).toString(), headers);
	}

	handle(ctx: PartnerContext): PartnerReply {
		if (this.requestsLeft !== undefined) {
			if (this.requestsLeft <= 0) return json(503, { status: 'ERROR', message: 'Service Unavailable' }, false);
			this.requestsLeft--;
		}
		const credentials = basicAuth(ctx.headers);
		if (credentials?.user !== DPD_DEMO.apiUser || credentials.password !== DPD_DEMO.apiPassword) {
			return json(401, { status: 'UNAUTHORIZED', message: 'Invalid username or API password' }, false);
		}
		const route = ctx.route.replace(/\/+$/, '') || '/';
		if (ctx.method === 'GET' && (route === '/v2' || route === '/v2/')) return json(200, { status: 'OK' });
		if (ctx.method === 'GET' && route === '/v2/storefronts') {
			return json(200, [{ id: DPD_DEMO.storefrontId, name: 'Demo Presets Store', url: 'https://store.example.com' }]);
		}
		if (ctx.method === 'GET' && route === '/v2/purchases') return this.listPurchases(ctx.query);
		const single = /^\/v2\/purchases\/(\d+)$/.exec(route);
		if (ctx.method === 'GET' && single) {
			const purchase = this.purchaseList.find((p) => String(p.id) === single[1]);
			return purchase ? json(200, clone(purchase)) : notFound();
		}
		if (ctx.method === 'POST' && route === '/v2/notification/verify') {
			const fields = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
			const sent = this.sentIpns.get(String(fields.verify_sign ?? ''));
			const same =
				sent !== undefined &&
				Object.keys(sent).length === Object.keys(fields).length &&
				Object.entries(sent).every(([key, value]) => String(fields[key] ?? '') === value);
			return text(200, same ? 'VERIFIED' : 'INVALID');
		}
		return json(404, { status: 'NOTFOUND', message: `No API method ${ctx.method} ${ctx.route}` });
	}

	private listPurchases(query: Record<string, string>): PartnerReply {
		let list = [...this.purchaseList];
		const filters: Array<[string, (p: DpdPurchase, v: string) => boolean]> = [
			['status', (p, v) => p.status === v],
			['storefront_id', (p, v) => String(p.storefront_id) === v],
			['customer_id', (p, v) => String(p.customer?.id) === v],
			['customer_email', (p, v) => p.buyer_email.toLowerCase() === v.toLowerCase()],
			['customer_first_name', (p, v) => p.buyer_firstname.toLowerCase() === v.toLowerCase()],
			['customer_last_name', (p, v) => p.buyer_lastname.toLowerCase() === v.toLowerCase()],
			['product_id', (p, v) => p.line_items.some((item) => String(item.product_id) === v)],
		];
		for (const [key, test] of filters) if (query[key]) list = list.filter((p) => test(p, query[key]));
		for (const [key, keep] of [['date_min', (c: number, v: number) => c >= v], ['date_max', (c: number, v: number) => c <= v]] as const) {
			if (!query[key]) continue;
			const limit = toUnix(query[key]);
			if (limit === undefined) return json(400, { status: 'ERROR', message: `Invalid ${key}` });
			list = list.filter((p) => keep(Number(p.created_at), limit));
		}
		list.sort((a, b) => Number(a.created_at) - Number(b.created_at));
		const page = query.page ? Number(query.page) : undefined;
		if (page !== undefined && (!Number.isInteger(page) || page < 1)) return json(400, { status: 'ERROR', message: 'Invalid page' });
		const slice = page === undefined ? list : list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
		return slice.length ? json(200, clone(slice)) : notFound();
	}
}
