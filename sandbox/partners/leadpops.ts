/**
 * leadPops simulator under `/leadpops` (research partner-apps.md §3).
 *
 * The only publicly known call is `POST /api/v1/leads` with the header `leadpops-authorization`
 * and a JSON body `{funnel, from_date, to_date, limit}`. **Everything about the answer is assumed**
 * (leadPops publishes no reference): this simulator answers
 * `{"status":"success","total":N,"leads":[...]}` with the lead keys of
 * payloads/leadpops-new-lead.json. The template reads `leads`, `data` or a bare array, so it
 * keeps working if the real answer uses another of those shapes.
 *
 * `from_date`/`to_date` (YYYY-MM-DD, UTC, inclusive) filter on the lead's `date_created`;
 * `funnel` (optional here) filters on the funnel host. Seed leads are dated relative to the
 * simulator's clock (2 h and 20 h ago, and one 10 days ago that a 2-day window must skip).
 * `sendLead(url)` posts one lead as JSON, for the "any funnel → Webhook" variant.
 */
import leadSample from './payloads/leadpops-new-lead.json';
import { clone, isObject, json, postWebhook, sqlDateTime, type PartnerContext, type PartnerReply, type PartnerSimulator, type WebhookResult } from './common';

export const LEADPOPS_DEMO = {
	apiKey: 'lp-demo-api-key',
	funnel: 'SalCompany.clixwithus.com',
} as const;

export type LeadPopsLead = typeof leadSample;

const SEED: Array<{ hoursAgo: number; lead: Partial<LeadPopsLead> }> = [
	{ hoursAgo: 2, lead: {} },
	{
		hoursAgo: 20,
		lead: {
			id: 'lp_91ad07c3', funnel_name: 'Refinance Quote', first_name: 'Alicia', last_name: 'Gomez', email: 'alicia.gomez@example.com',
			phone: '(737) 555-0142', zip_code: '78745', state: 'TX', loan_type: 'Refinance', property_type: 'Townhouse',
			purchase_price: '310000', down_payment: '20%', credit_score: 'Excellent (740+)', first_time_buyer: 'No', military: 'Yes',
		},
	},
	{
		hoursAgo: 240,
		lead: {
			id: 'lp_5b3e88f0', funnel_name: 'Purchase Home Loan', first_name: 'Old', last_name: 'Lead', email: 'old.lead@example.com',
			phone: '(512) 555-0100', zip_code: '78701',
		},
	},
];

export class LeadPopsSimulator implements PartnerSimulator {
	readonly name = 'leadpops' as const;
	readonly demo = LEADPOPS_DEMO;
	readonly samples = { lead: leadSample };

	private leadList: LeadPopsLead[] = [];

	constructor(
		private readonly baseUrl: () => string,
		private readonly now: () => Date,
	) {
		this.reset();
	}

	get url(): string {
		return `${this.baseUrl()}/leadpops`;
	}

	reset(): void {
		const now = this.now().getTime();
		this.leadList = SEED.map(({ hoursAgo, lead }) => ({
			...clone(leadSample),
			...lead,
			date_created: sqlDateTime(new Date(now - hoursAgo * 3600_000)),
		}));
	}

	leads(): LeadPopsLead[] {
		return clone(this.leadList);
	}

	addLead(lead: Partial<LeadPopsLead> & { id: string }): LeadPopsLead {
		const full = { ...clone(leadSample), date_created: sqlDateTime(this.now()), ...lead };
		this.leadList.push(full);
		return clone(full);
	}

	/** Posts one lead (default: the sample) as JSON to `url`, as a funnel's own webhook integration would. */
	async sendLead(url: string, lead: Record<string, unknown> = this.leadList[0], headers: Record<string, string> = {}): Promise<WebhookResult> {
		return await postWebhook(url, JSON.stringify(lead), { 'content-type': 'application/json', ...headers });
	}

	handle(ctx: PartnerContext): PartnerReply {
		if (ctx.headers['leadpops-authorization'] !== LEADPOPS_DEMO.apiKey) {
			return json(401, { status: 'error', message: 'Unauthorized: invalid leadpops-authorization key' }, false);
		}
		const route = ctx.route.replace(/\/+$/, '');
		if (ctx.method !== 'POST' || route !== '/api/v1/leads') {
			return json(404, { status: 'error', message: `No route ${ctx.method} ${ctx.route}` });
		}
		const body = isObject(ctx.body) ? ctx.body : {};
		const date = /^\d{4}-\d{2}-\d{2}$/;
		const from = String(body.from_date ?? '');
		const to = String(body.to_date ?? '');
		if (!date.test(from) || !date.test(to)) {
			return json(422, { status: 'error', message: 'from_date and to_date are required (YYYY-MM-DD)' });
		}
		const limit = body.limit === undefined ? 100 : Number(body.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 500) return json(422, { status: 'error', message: 'limit must be 1-500' });
		const funnels = body.funnel === undefined || body.funnel === ''
			? undefined
			: (Array.isArray(body.funnel) ? body.funnel : String(body.funnel).split(',')).map((f) => String(f).trim().toLowerCase());
		const leads = this.leadList
			.filter((lead) => lead.date_created.slice(0, 10) >= from && lead.date_created.slice(0, 10) <= to)
			.filter((lead) => !funnels || funnels.includes(lead.funnel.toLowerCase()))
			.sort((a, b) => a.date_created.localeCompare(b.date_created))
			.slice(0, limit);
		return json(200, { status: 'success', total: leads.length, leads: clone(leads) });
	}
}
