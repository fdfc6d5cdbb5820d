/**
 * LeadSquared simulator: the v2 REST paths the templates call (research partner-apps.md §1),
 * served under `/leadsquared` (so the "host" a template uses is `<partners url>/leadsquared`).
 *
 * Auth: `accessKey` + `secretKey` in the query string, or the headers `x-LSQ-AccessKey` +
 * `x-LSQ-SecretKey` (both documented). Bad or missing keys answer 401.
 * Bodies follow the docs: lead writes are `[{Attribute, Value}]` arrays; unknown schema names
 * are refused, as LeadSquared does for fields the account lacks.
 * Response envelopes `{Status:"Success", Message:{Id}}` and errors
 * `{Status:"Error", ExceptionType, ExceptionMessage}` follow the docs' samples; the extra
 * `IsCreated`/`IsUpdated` flags on Lead.Capture are an assumption (templates only read `Message.Id`).
 *
 * Tasks and meetings (partner-apps.md §1.2): `Task.svc/Create`, `Task.svc/Update` ({UserTaskId, …}),
 * `RetrieveTaskByLeadId`, `Task.svc/RetrieveAppointments/ByUserEmailAddress`. A task is a meeting when
 * its type is of the Appointment category ("Meeting" here). Assumed, as the docs excerpts do not show
 * them: the status fields `StatusCode` (0 open, 1 completed, 2 cancelled) and `Status`, and the task
 * webhooks (events 7 task create, 16 task complete, 17 task update) posting the task as Retrieve
 * returns it (payloads/README.md); they fire for user edits and API writes alike.
 */
import activityCreated from './payloads/leadsquared-lead-activity-created.json';
import leadCreated from './payloads/leadsquared-lead-created.json';
import leadUpdated from './payloads/leadsquared-lead-updated.json';
import taskEvent from './payloads/leadsquared-task-event.json';
import {
	clone,
	guid,
	isObject,
	json,
	postWebhook,
	queryParam,
	sqlDateTime,
	type PartnerContext,
	type PartnerReply,
	type PartnerSimulator,
	type WebhookResult,
} from './common';

export const LSQ_DEMO = {
	accessKey: 'lsq-demo-access-key',
	secretKey: 'lsq-demo-secret-key',
	/** Custom header LeadSquared is told to send with its webhooks (checked by the n8n Webhook node). */
	webhookHeaderName: 'x-api-key',
	webhookHeaderValue: 'lsq-demo-webhook-key',
} as const;

export type LsqLead = Record<string, string | null>;

export interface LsqActivity {
	Id: string;
	RelatedProspectId: string;
	ActivityEvent: number;
	ActivityEventName: string;
	ActivityNote: string;
	ActivityDateTime: string;
	Fields: Array<{ SchemaName: string; Value: string }>;
	CreatedOn: string;
}

/** Task status codes (assumed, see the header). */
export const LSQ_TASK_STATUS = { open: 0, completed: 1, cancelled: 2 } as const;
const STATUS_NAMES = ['Pending', 'Completed', 'Cancelled'];

export interface LsqTask {
	Id: string;
	/** The same id under the name Task.svc/Update takes. */
	UserTaskId: string;
	Name: string;
	Description: string;
	RelatedEntity: number;
	RelatedEntityId: string;
	DueDate: string;
	EndDate?: string;
	OwnerEmailAddress?: string;
	TaskType: string;
	/** "Appointment" for meeting types, "To-do" for the others. */
	Category: string;
	StatusCode: number;
	Status: string;
	CreatedOn: string;
	ModifiedOn: string;
}

export interface LsqNote {
	Id: string;
	RelatedProspectId: string;
	Note: string;
	CreatedOn: string;
}

export type LsqWebhookEvent = 'lead-created' | 'lead-updated' | 'activity-created' | 'task-created' | 'task-updated' | 'task-completed';

export interface LsqWebhookOptions {
	event?: LsqWebhookEvent;
	/** Body to send instead of the sample for `event` (an array sends a batch). */
	payload?: unknown;
	/** Extra headers; the demo `x-api-key` is sent unless `apiKey: null`. */
	headers?: Record<string, string>;
	apiKey?: string | null;
	/** LeadSquared can post JSON (default), form fields or text. */
	contentType?: 'json' | 'form' | 'text';
	method?: 'POST' | 'HEAD';
}

/** System lead fields (schema names) from the docs, plus this demo account's custom `mx_` fields. */
const SYSTEM_FIELDS = [
	'ProspectID', 'ProspectAutoId', 'FirstName', 'LastName', 'EmailAddress', 'Phone', 'Mobile', 'Company', 'Website',
	'Source', 'SourceMedium', 'SourceCampaign', 'SourceContent', 'Origin', 'ProspectStage', 'Score', 'EngagementScore',
	'Revenue', 'DoNotEmail', 'DoNotCall', 'OwnerId', 'OwnerIdEmailAddress', 'CreatedBy', 'CreatedOn', 'ModifiedBy', 'ModifiedOn',
	'Notes', 'TimeZone', 'JobTitle', 'LeadType', 'TotalVisits', 'PageViewsPerVisit', 'AvgTimePerVisit',
];
const CUSTOM_FIELDS = ['mx_Street1', 'mx_Street2', 'mx_City', 'mx_State', 'mx_Country', 'mx_Zip', 'mx_DOB', 'mx_Anniversary', 'mx_GHL_Contact_Id'];
const READ_ONLY = new Set(['ProspectID', 'ProspectAutoId', 'CreatedBy', 'CreatedOn', 'ModifiedBy', 'ModifiedOn']);
const KNOWN_FIELDS = new Set([...SYSTEM_FIELDS, ...CUSTOM_FIELDS]);

/** Activity types of the demo account (code → name); 201 is the code in the docs' samples. */
export const LSQ_ACTIVITY_TYPES: Record<number, string> = {
	201: 'Site Visit Scheduled',
	202: 'Meeting Booked in HighLevel',
	203: 'Purchase',
};
const TASK_TYPES = ['Meeting', 'Call', 'Follow Up', 'To-Do'];
/** Task types of the Appointment category (the others are to-dos). */
export const LSQ_MEETING_TYPES = ['Meeting'];
const SQL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const API_USER = '3b1041fb-8374-11e7-8758-0a106ee76b21';
const ACCOUNT_OWNER_EMAIL = 'owner@lsq-demo.example.com';

function seedLeads(): LsqLead[] {
	const base = (fields: LsqLead): LsqLead => ({
		Origin: 'API', Mobile: null, DoNotEmail: '0', DoNotCall: '0', Score: '0', EngagementScore: '0',
		OwnerId: API_USER, CreatedBy: API_USER, ModifiedBy: API_USER, ...fields,
	});
	return [
		clone(leadCreated) as unknown as LsqLead,
		base({
			ProspectID: 'a1d4c2e0-3b7f-4e52-9d18-6f0c2b9e4a11', ProspectAutoId: '10483', FirstName: 'Arjun', LastName: 'Mehta',
			EmailAddress: 'arjun.mehta@example.com', Phone: '+91-9812300001', Source: 'Website', ProspectStage: 'Lead',
			Company: 'Mehta Logistics', CreatedOn: '2025-11-15 08:00:00.000', ModifiedOn: '2025-11-15 08:00:00.000',
			mx_City: 'Pune', mx_State: 'Maharashtra', mx_Country: 'India', mx_Zip: '411001',
		}),
		base({
			ProspectID: 'b2e5d3f1-4c80-4f63-8e29-7a1d3c0f5b22', ProspectAutoId: '10484', FirstName: 'Meera', LastName: 'Iyer',
			EmailAddress: 'meera.iyer@example.com', Phone: '+91-9812300002', Source: 'Referral', ProspectStage: 'Prospect',
			CreatedOn: '2025-11-16 09:30:00.000', ModifiedOn: '2025-11-16 09:30:00.000', mx_City: 'Chennai', mx_Country: 'India',
		}),
	];
}

/** Priya's open call-back to-do and her site visit (a meeting), as a user created them in LeadSquared. */
function seedTasks(): LsqTask[] {
	const sample = clone(taskEvent) as unknown as LsqTask;
	return [
		{ ...sample, Id: sample.UserTaskId },
		{
			Id: 'd41e7b20-6a3c-4f15-8b2e-5c9a0e1f7d02',
			UserTaskId: 'd41e7b20-6a3c-4f15-8b2e-5c9a0e1f7d02',
			Name: 'Site visit with Priya',
			Description: 'Show the Whitefield branch',
			RelatedEntity: 1,
			RelatedEntityId: sample.RelatedEntityId,
			DueDate: '2030-02-01 05:30:00',
			EndDate: '2030-02-01 06:30:00',
			OwnerEmailAddress: ACCOUNT_OWNER_EMAIL,
			TaskType: 'Meeting',
			Category: 'Appointment',
			StatusCode: 0,
			Status: 'Pending',
			CreatedOn: '2025-11-25 08:00:00',
			ModifiedOn: '2025-11-25 08:00:00',
		},
	];
}

function lsqError(status: number, type: string, message: string, authorized = true): PartnerReply {
	return json(status, { Status: 'Error', ExceptionType: type, ExceptionMessage: message }, authorized);
}

const invalid = (message: string) => lsqError(400, 'MXInvalidInputException', message);

export class LeadSquaredSimulator implements PartnerSimulator {
	readonly name = 'leadsquared' as const;
	readonly demo = LSQ_DEMO;
	/** The payloads LeadSquared posts to webhooks (documented keys + our assumptions, see payloads/README). */
	readonly samples = {
		'lead-created': leadCreated as Record<string, unknown>,
		'lead-updated': leadUpdated as Record<string, unknown>,
		'activity-created': activityCreated as Record<string, unknown>,
		'task-created': taskEvent as Record<string, unknown>,
		'task-updated': taskEvent as Record<string, unknown>,
		'task-completed': { ...taskEvent, StatusCode: 1, Status: 'Completed' } as Record<string, unknown>,
	};

	private leadList: LsqLead[] = [];
	private activityList: LsqActivity[] = [];
	private taskList: LsqTask[] = [];
	private noteList: LsqNote[] = [];
	private counter = 0;
	private outbox: Array<{ event: LsqWebhookEvent; payload: Record<string, unknown> }> = [];
	private subscribers: Array<{ event: LsqWebhookEvent; url: string }> = [];

	constructor(
		private readonly baseUrl: () => string,
		private readonly now: () => Date,
	) {
		this.reset();
	}

	/** `<partners url>/leadsquared`: the value for a template's LeadSquared host setting. */
	get url(): string {
		return `${this.baseUrl()}/leadsquared`;
	}

	reset(): void {
		this.leadList = seedLeads();
		this.activityList = [];
		this.taskList = seedTasks();
		this.noteList = [];
		this.counter = 0;
		this.outbox = [];
		this.subscribers = [];
	}

	/**
	 * The webhooks LeadSquared fired since the last call (and clears them): lead creation (also by
	 * API), lead updates by users and by API writes except Lead.Update without postUpdatedLead=true
	 * (documented), and activity creation. Subscribed URLs get them posted as well.
	 */
	takeWebhooks(): Array<{ event: LsqWebhookEvent; payload: Record<string, unknown> }> {
		return this.outbox.splice(0);
	}

	/** Posts each fired webhook of `event` to `url` from now on (as configured under API and Webhooks). */
	subscribe(event: LsqWebhookEvent, url: string): void {
		this.subscribers.push({ event, url });
	}

	private fire(event: LsqWebhookEvent, payload: Record<string, unknown>): void {
		const copy = clone(payload);
		this.outbox.push({ event, payload: copy });
		for (const subscriber of this.subscribers.filter((s) => s.event === event)) {
			void this.sendWebhook(subscriber.url, { event, payload: copy }).catch(() => undefined);
		}
	}

	/** A user edits a lead in LeadSquared: the fields change, ModifiedOn moves and Lead_Post_Update fires. */
	editLead(prospectId: string, fields: LsqLead): LsqLead {
		const lead = this.leadList.find((l) => l.ProspectID === prospectId);
		if (!lead) throw new Error(`No LeadSquared lead ${prospectId}`);
		this.apply(lead, fields as Record<string, string>, undefined);
		this.fire('lead-updated', lead);
		return clone(lead);
	}

	leads(): LsqLead[] {
		return clone(this.leadList);
	}

	lead(prospectId: string): LsqLead | undefined {
		const found = this.leadList.find((l) => l.ProspectID === prospectId);
		return found ? clone(found) : undefined;
	}

	findLeadByEmail(email: string): LsqLead | undefined {
		const found = this.leadList.find((l) => (l.EmailAddress ?? '').toLowerCase() === email.toLowerCase());
		return found ? clone(found) : undefined;
	}

	activities(): LsqActivity[] {
		return clone(this.activityList);
	}

	tasks(): LsqTask[] {
		return clone(this.taskList);
	}

	notes(): LsqNote[] {
		return clone(this.noteList);
	}

	task(id: string): LsqTask | undefined {
		const found = this.taskList.find((t) => t.Id === id);
		return found ? clone(found) : undefined;
	}

	/**
	 * A user changes a task in LeadSquared (reschedules it, renames it, completes or cancels it):
	 * ModifiedOn moves, the task-update webhook fires, and task-complete too when it became completed.
	 */
	editTask(id: string, fields: Partial<Pick<LsqTask, 'Name' | 'Description' | 'DueDate' | 'EndDate' | 'StatusCode'>>): LsqTask {
		const task = this.taskList.find((t) => t.Id === id);
		if (!task) throw new Error(`No LeadSquared task ${id}`);
		this.changeTask(task, fields);
		return clone(task);
	}

	/** A user creates a task (or a meeting, with a meeting type) on a lead in LeadSquared; task-create fires. */
	addTask(fields: Pick<LsqTask, 'Name' | 'RelatedEntityId' | 'DueDate'> & Partial<LsqTask>): LsqTask {
		const task = this.newTask({ TaskType: 'To-Do', ...fields });
		this.taskList.push(task);
		this.fire('task-created', this.taskPayload(task));
		return clone(task);
	}

	/** Adds a lead as if it was created in LeadSquared's UI; returns its ProspectID. */
	addLead(fields: LsqLead): string {
		const lead = this.newLead();
		Object.assign(lead, fields);
		this.leadList.push(lead);
		return lead.ProspectID as string;
	}

	/**
	 * Fires a LeadSquared webhook at `url` (an n8n Webhook node) with the sample payload of
	 * `event`, the demo custom header and the chosen content type.
	 */
	async sendWebhook(url: string, options: LsqWebhookOptions = {}): Promise<WebhookResult> {
		const event = options.event ?? 'lead-created';
		const payload = options.payload ?? this.samples[event];
		const headers: Record<string, string> = { 'user-agent': 'LeadSquared-Webhook/1.0 (simulator)' };
		const apiKey = options.apiKey === undefined ? LSQ_DEMO.webhookHeaderValue : options.apiKey;
		if (apiKey !== null) headers[LSQ_DEMO.webhookHeaderName] = apiKey;
		let body: string;
		switch (options.contentType ?? 'json') {
			case 'form':
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = new URLSearchParams(
					Object.entries(payload as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
				).toString();
				break;
			case 'text':
				headers['content-type'] = 'text/plain';
				body = JSON.stringify(payload);
				break;
			default:
				headers['content-type'] = 'application/json';
				body = JSON.stringify(payload);
		}
		return await postWebhook(url, body, { ...headers, ...(options.headers ?? {}) }, options.method ?? 'POST');
	}

	handle(ctx: PartnerContext): PartnerReply {
		const accessKey = queryParam(ctx.query, 'accessKey') ?? ctx.headers['x-lsq-accesskey'];
		const secretKey = queryParam(ctx.query, 'secretKey') ?? ctx.headers['x-lsq-secretkey'];
		if (accessKey !== LSQ_DEMO.accessKey || secretKey !== LSQ_DEMO.secretKey) {
			return lsqError(401, 'MXUnAuthorizedAccessException', 'Invalid AccessKey or SecretKey', false);
		}
		const route = `${ctx.method} ${ctx.route.replace(/\/+$/, '')}`;
		switch (route) {
			case 'POST /v2/LeadManagement.svc/Lead.Capture':
				return this.capture(ctx, 'capture');
			case 'POST /v2/LeadManagement.svc/Lead.CreateOrUpdate':
				return this.capture(ctx, 'createOrUpdate');
			case 'POST /v2/LeadManagement.svc/Lead.Create':
				return this.capture(ctx, 'create');
			case 'POST /v2/LeadManagement.svc/Lead.Update':
				return this.update(ctx);
			case 'GET /v2/LeadManagement.svc/Leads.GetByEmailaddress': {
				const email = queryParam(ctx.query, 'emailaddress');
				if (!email) return invalid('Parameter emailaddress is required');
				const lead = this.leadList.find((l) => (l.EmailAddress ?? '').toLowerCase() === email.trim().toLowerCase());
				return json(200, lead ? [clone(lead)] : []);
			}
			case 'GET /v2/LeadManagement.svc/RetrieveLeadByPhoneNumber': {
				const digits = (queryParam(ctx.query, 'phone') ?? '').replace(/\D/g, '');
				if (!digits) return invalid('Parameter phone is required');
				return json(200, clone(this.leadList.filter((l) => (l.Phone ?? '').replace(/\D/g, '') === digits || (l.Mobile ?? '').replace(/\D/g, '') === digits)));
			}
			case 'GET /v2/LeadManagement.svc/Leads.GetById': {
				const lead = this.leadList.find((l) => l.ProspectID === queryParam(ctx.query, 'id'));
				return json(200, lead ? [clone(lead)] : []);
			}
			case 'POST /v2/LeadManagement.svc/Leads.RecentlyModified':
				return this.recentlyModified(ctx);
			case 'GET /v2/LeadManagement.svc/LeadsMetaData.Get':
				return json(
					200,
					[...KNOWN_FIELDS].map((schema) => ({ SchemaName: schema, DisplayName: schema.replace(/^mx_/, '').replace(/_/g, ' '), DataType: 'String', IsMandatory: false })),
				);
			case 'POST /v2/ProspectActivity.svc/Create':
				return this.postActivity(ctx);
			case 'POST /v2/ProspectActivity.svc/Retrieve': {
				const leadId = queryParam(ctx.query, 'leadId');
				const list = this.activityList.filter((a) => a.RelatedProspectId === leadId);
				return json(200, { RecordCount: list.length, ProspectActivities: clone(list) });
			}
			case 'POST /v2/Task.svc/Create':
				return this.createTask(ctx);
			case 'POST /v2/Task.svc/Update':
				return this.updateTask(ctx);
			case 'POST /v2/Task.svc/RetrieveAppointments/ByUserEmailAddress':
				return this.appointmentsOfUsers(ctx);
			case 'GET /v2/LeadManagement.svc/RetrieveTaskByLeadId': {
				const leadId = queryParam(ctx.query, 'leadId');
				if (!leadId) return invalid('Parameter leadId is required');
				return json(200, clone(this.taskList.filter((t) => t.RelatedEntityId === leadId)));
			}
			case 'POST /v2/LeadManagement.svc/CreateNote':
				return this.createNote(ctx);
			default:
				return lsqError(404, 'MXNotFoundException', `No API method ${ctx.method} ${ctx.route}`);
		}
	}

	// -------------------------------------------------------------------------

	private nextId(): string {
		return guid('5e1a0000', ++this.counter);
	}

	private stamp(): string {
		return `${sqlDateTime(this.now())}.000`;
	}

	private newLead(): LsqLead {
		const stamp = this.stamp();
		const autoId = 10484 + this.leadList.length;
		return {
			ProspectID: this.nextId(),
			ProspectAutoId: String(autoId),
			Origin: 'API',
			ProspectStage: 'Prospect',
			DoNotEmail: '0',
			DoNotCall: '0',
			Score: '0',
			EngagementScore: '0',
			OwnerId: API_USER,
			CreatedBy: API_USER,
			CreatedOn: stamp,
			ModifiedBy: API_USER,
			ModifiedOn: stamp,
		};
	}

	/** `[{Attribute, Value}]` → field map, refusing unknown schema names. */
	private attributes(body: unknown): { fields: Record<string, string>; searchBy?: string } | PartnerReply {
		if (!Array.isArray(body) || body.length === 0) {
			return invalid('Request body must be a JSON array of {"Attribute","Value"} pairs');
		}
		const fields: Record<string, string> = {};
		let searchBy: string | undefined;
		for (const pair of body) {
			if (!isObject(pair) || typeof pair.Attribute !== 'string') {
				return invalid('Every item needs an "Attribute" (schema name) and a "Value"');
			}
			const value = pair.Value === null || pair.Value === undefined ? '' : String(pair.Value);
			if (pair.Attribute === 'SearchBy') {
				searchBy = value;
				continue;
			}
			if (!KNOWN_FIELDS.has(pair.Attribute) || (READ_ONLY.has(pair.Attribute) && pair.Attribute !== 'ProspectID')) {
				return invalid(`Lead field with schema name ${pair.Attribute} does not exist or cannot be updated`);
			}
			fields[pair.Attribute] = value;
		}
		if (fields.EmailAddress && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.EmailAddress)) {
			return invalid(`Invalid Email Address ${fields.EmailAddress}`);
		}
		return { fields, searchBy };
	}

	private match(fields: Record<string, string>, searchBy?: string): LsqLead | undefined {
		const byEmail = (email: string) => this.leadList.find((l) => (l.EmailAddress ?? '').toLowerCase() === email.toLowerCase());
		const byPhone = (phone: string) => {
			const digits = phone.replace(/\D/g, '');
			return this.leadList.find((l) => (l.Phone ?? '').replace(/\D/g, '') === digits && digits !== '');
		};
		if (fields.ProspectID) {
			const lead = this.leadList.find((l) => l.ProspectID === fields.ProspectID);
			if (lead) return lead;
		}
		if (searchBy && fields[searchBy]) {
			if (searchBy === 'EmailAddress') return byEmail(fields.EmailAddress);
			if (searchBy === 'Phone') return byPhone(fields.Phone);
			return this.leadList.find((l) => l[searchBy] === fields[searchBy]);
		}
		return (fields.EmailAddress ? byEmail(fields.EmailAddress) : undefined) ?? (fields.Phone ? byPhone(fields.Phone) : undefined);
	}

	private apply(lead: LsqLead, fields: Record<string, string>, behavior: string | undefined): void {
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'ProspectID') continue;
			if (behavior === 'UpdateOnlyEmptyFields' && lead[key]) continue;
			if (behavior === 'DoNotUpdateUniqueFields' && (key === 'EmailAddress' || key === 'Phone') && lead[key]) continue;
			lead[key] = value;
		}
		lead.ModifiedOn = this.stamp();
		lead.ModifiedBy = API_USER;
	}

	private capture(ctx: PartnerContext, mode: 'capture' | 'createOrUpdate' | 'create'): PartnerReply {
		const parsed = this.attributes(ctx.body);
		if ('status' in parsed) return parsed;
		const { fields, searchBy } = parsed;
		if (!fields.EmailAddress && !fields.Phone && !fields.FirstName && !fields.LastName && !fields.ProspectID) {
			return invalid('Pass at least one of FirstName, LastName, EmailAddress, Phone');
		}
		const existing = this.match(fields, searchBy);
		if (existing && mode === 'create') {
			return lsqError(409, 'MXDuplicateEntryException', 'A Lead with same Email Address already exists.');
		}
		const behavior = queryParam(ctx.query, 'LeadUpdateBehavior');
		if (existing) {
			if (behavior !== 'DoNotUpdate') {
				this.apply(existing, fields, behavior);
				this.fire('lead-updated', existing);
			}
			return json(200, {
				Status: 'Success',
				Message: { Id: existing.ProspectID, RelatedId: null, IsCreated: false, IsUpdated: behavior !== 'DoNotUpdate', AffectedRows: 1 },
			});
		}
		const lead = this.newLead();
		this.apply(lead, fields, undefined);
		this.leadList.push(lead);
		this.fire('lead-created', lead);
		const message = mode === 'create' ? { Id: lead.ProspectID } : { Id: lead.ProspectID, RelatedId: null, IsCreated: true, IsUpdated: false, AffectedRows: 1 };
		return json(200, { Status: 'Success', Message: message });
	}

	private update(ctx: PartnerContext): PartnerReply {
		const lead = this.leadList.find((l) => l.ProspectID === queryParam(ctx.query, 'leadId'));
		if (!lead) return invalid('Lead does not exist');
		const parsed = this.attributes(ctx.body);
		if ('status' in parsed) return parsed;
		this.apply(lead, parsed.fields, undefined);
		// Documented: Lead.Update fires webhooks and automations only with postUpdatedLead=true.
		if (queryParam(ctx.query, 'postUpdatedLead') === 'true') this.fire('lead-updated', lead);
		return json(200, { Status: 'Success', Message: { AffectedRows: 1 } });
	}

	private recentlyModified(ctx: PartnerContext): PartnerReply {
		const body = isObject(ctx.body) ? ctx.body : {};
		const parameter = isObject(body.Parameter) ? body.Parameter : {};
		const paging = isObject(body.Paging) ? body.Paging : {};
		const from = String(parameter.FromDate ?? '0000');
		const to = String(parameter.ToDate ?? '9999');
		const columns = isObject(body.Columns) && typeof body.Columns.Include_CSV === 'string'
			? body.Columns.Include_CSV.split(',').map((c) => c.trim()).filter(Boolean)
			: undefined;
		const pageIndex = Math.max(1, Number(paging.PageIndex ?? 1));
		const pageSize = Math.min(5000, Math.max(1, Number(paging.PageSize ?? 100)));
		const matching = this.leadList
			.filter((l) => (l.ModifiedOn ?? '') >= from && (l.ModifiedOn ?? '').slice(0, 19) <= to)
			.sort((a, b) => String(a.ModifiedOn).localeCompare(String(b.ModifiedOn)));
		const page = matching.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
		return json(200, {
			RecordCount: matching.length,
			Leads: page.map((lead) => ({
				LeadPropertyList: Object.entries(lead)
					.filter(([key]) => !columns || columns.includes(key) || key === 'ProspectID')
					.map(([Attribute, Value]) => ({ Attribute, Value })),
			})),
		});
	}

	private postActivity(ctx: PartnerContext): PartnerReply {
		if (!isObject(ctx.body)) return invalid('Request body must be a JSON object');
		const body = ctx.body;
		const code = Number(body.ActivityEvent);
		if (!LSQ_ACTIVITY_TYPES[code]) return invalid(`Invalid ActivityEvent ${String(body.ActivityEvent)}`);
		let lead: LsqLead | undefined;
		if (body.RelatedProspectId) {
			lead = this.leadList.find((l) => l.ProspectID === body.RelatedProspectId);
			if (!lead) return invalid('Lead does not exist');
		} else if (typeof body.EmailAddress === 'string' && body.EmailAddress) {
			// Documented: posting by email creates the lead when none has that address.
			lead = this.leadList.find((l) => (l.EmailAddress ?? '').toLowerCase() === String(body.EmailAddress).toLowerCase());
			if (!lead) {
				lead = this.newLead();
				this.apply(lead, Object.fromEntries(
					['EmailAddress', 'FirstName', 'LastName', 'Phone']
						.filter((k) => typeof body[k] === 'string' && body[k])
						.map((k) => [k, String(body[k])]),
				), undefined);
				this.leadList.push(lead);
			}
		} else {
			return invalid('Pass RelatedProspectId or EmailAddress');
		}
		const when = String(body.ActivityDateTime ?? sqlDateTime(this.now()));
		if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(when)) {
			return invalid(`ActivityDateTime must be UTC "YYYY-MM-DD HH:MM:SS", got ${when}`);
		}
		const fields = Array.isArray(body.Fields) ? body.Fields : [];
		if (!fields.every((f) => isObject(f) && typeof f.SchemaName === 'string')) {
			return invalid('Every item of Fields needs a SchemaName and a Value');
		}
		const activity: LsqActivity = {
			Id: this.nextId(),
			RelatedProspectId: lead.ProspectID as string,
			ActivityEvent: code,
			ActivityEventName: LSQ_ACTIVITY_TYPES[code],
			ActivityNote: String(body.ActivityNote ?? ''),
			ActivityDateTime: when,
			Fields: fields.map((f) => ({ SchemaName: String((f as Record<string, unknown>).SchemaName), Value: String((f as Record<string, unknown>).Value ?? '') })),
			CreatedOn: sqlDateTime(this.now()),
		};
		this.activityList.push(activity);
		this.fire('activity-created', {
			ProspectActivityId: activity.Id, RelatedProspectId: activity.RelatedProspectId, ActivityEvent: activity.ActivityEvent,
			ActivityEventName: activity.ActivityEventName, ActivityNote: activity.ActivityNote, ActivityDateTime: activity.ActivityDateTime,
			EmailAddress: lead.EmailAddress, FirstName: lead.FirstName, LastName: lead.LastName, Phone: lead.Phone,
			...Object.fromEntries(activity.Fields.map((f) => [f.SchemaName, f.Value])),
		});
		return json(200, { Status: 'Success', Message: { Id: activity.Id } });
	}

	private createTask(ctx: PartnerContext): PartnerReply {
		if (!isObject(ctx.body)) return invalid('Request body must be a JSON object');
		const body = ctx.body;
		if (!body.Name) return invalid('Name is required');
		const leadId = String(body.RelatedEntityId ?? '');
		if (Number(body.RelatedEntity ?? 1) !== 1 || !this.leadList.some((l) => l.ProspectID === leadId)) {
			return invalid('RelatedEntityId must be the ProspectID of an existing lead (RelatedEntity 1)');
		}
		const taskType = isObject(body.TaskType) ? String(body.TaskType.Name ?? '') : '';
		if (!TASK_TYPES.includes(taskType)) return invalid(`Task type ${taskType || '(none)'} does not exist`);
		const due = String(body.DueDate ?? '');
		if (!SQL_TIME.test(due)) return invalid(`DueDate must be UTC "YYYY-MM-DD HH:MM:SS", got ${due}`);
		if (body.EndDate && !SQL_TIME.test(String(body.EndDate))) return invalid(`EndDate must be UTC "YYYY-MM-DD HH:MM:SS", got ${String(body.EndDate)}`);
		const task = this.newTask({
			Name: String(body.Name),
			Description: String(body.Description ?? ''),
			RelatedEntityId: leadId,
			DueDate: due,
			...(body.EndDate ? { EndDate: String(body.EndDate) } : {}),
			OwnerEmailAddress: String(body.OwnerEmailAddress ?? ACCOUNT_OWNER_EMAIL),
			TaskType: taskType,
		});
		this.taskList.push(task);
		this.fire('task-created', this.taskPayload(task));
		return json(200, { Status: 'Success', Message: { Id: task.Id } });
	}

	/** `Task.svc/Update` `{UserTaskId, Name?, Description?, DueDate?, EndDate?, StatusCode?}`. */
	private updateTask(ctx: PartnerContext): PartnerReply {
		if (!isObject(ctx.body)) return invalid('Request body must be a JSON object');
		const body = ctx.body;
		const task = this.taskList.find((t) => t.Id === String(body.UserTaskId ?? ''));
		if (!task) return invalid(`Task ${String(body.UserTaskId ?? '(no UserTaskId)')} does not exist`);
		for (const key of ['DueDate', 'EndDate'] as const) {
			if (body[key] !== undefined && !SQL_TIME.test(String(body[key]))) return invalid(`${key} must be UTC "YYYY-MM-DD HH:MM:SS", got ${String(body[key])}`);
		}
		if (body.StatusCode !== undefined && !STATUS_NAMES[Number(body.StatusCode)]) return invalid(`Invalid StatusCode ${String(body.StatusCode)}`);
		if (body.Name !== undefined && !String(body.Name)) return invalid('Name cannot be empty');
		const fields: Partial<LsqTask> = {};
		for (const key of ['Name', 'Description', 'DueDate', 'EndDate'] as const) if (body[key] !== undefined) fields[key] = String(body[key]);
		if (body.StatusCode !== undefined) fields.StatusCode = Number(body.StatusCode);
		this.changeTask(task, fields);
		return json(200, { Status: 'Success', Message: { AffectedRows: 1 } });
	}

	/** `Task.svc/RetrieveAppointments/ByUserEmailAddress`: meetings of the owners, due in a window of at most 100 days. */
	private appointmentsOfUsers(ctx: PartnerContext): PartnerReply {
		const body = isObject(ctx.body) ? ctx.body : {};
		const from = String(body.FromDate ?? '');
		const to = String(body.ToDate ?? '');
		if (!SQL_TIME.test(from) || !SQL_TIME.test(to)) return invalid('FromDate and ToDate must be UTC "YYYY-MM-DD HH:MM:SS"');
		if (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`) > 100 * 86_400_000) return invalid('The date range cannot be more than 100 days');
		const users = Array.isArray(body.Users) ? body.Users.map((u) => String(u).toLowerCase()) : [];
		if (!users.length) return invalid('Users must list at least one email address');
		const paging = isObject(body.Paging) ? body.Paging : {};
		const pageIndex = Math.max(1, Number(paging.PageIndex ?? 1));
		const pageSize = Math.min(1000, Math.max(1, Number(paging.PageSize ?? 100)));
		const matching = this.taskList
			.filter((t) => t.Category === 'Appointment' && users.includes(String(t.OwnerEmailAddress ?? '').toLowerCase()))
			.filter((t) => t.DueDate >= from && t.DueDate <= to)
			.sort((a, b) => a.DueDate.localeCompare(b.DueDate));
		return json(200, { RecordCount: matching.length, List: clone(matching.slice((pageIndex - 1) * pageSize, pageIndex * pageSize)) });
	}

	private newTask(fields: Pick<LsqTask, 'Name' | 'RelatedEntityId' | 'DueDate' | 'TaskType'> & Partial<LsqTask>): LsqTask {
		const id = this.nextId();
		const stamp = sqlDateTime(this.now());
		const status = fields.StatusCode ?? LSQ_TASK_STATUS.open;
		return {
			Description: '',
			RelatedEntity: 1,
			OwnerEmailAddress: ACCOUNT_OWNER_EMAIL,
			...fields,
			Id: id,
			UserTaskId: id,
			Category: LSQ_MEETING_TYPES.includes(fields.TaskType) ? 'Appointment' : 'To-do',
			StatusCode: status,
			Status: STATUS_NAMES[status],
			CreatedOn: stamp,
			ModifiedOn: stamp,
		};
	}

	private changeTask(task: LsqTask, fields: Partial<LsqTask>): void {
		const wasCompleted = task.StatusCode === LSQ_TASK_STATUS.completed;
		Object.assign(task, fields);
		task.Status = STATUS_NAMES[task.StatusCode];
		task.ModifiedOn = sqlDateTime(this.now());
		this.fire('task-updated', this.taskPayload(task));
		if (!wasCompleted && task.StatusCode === LSQ_TASK_STATUS.completed) this.fire('task-completed', this.taskPayload(task));
	}

	/** The assumed task webhook body: the task as RetrieveTaskByLeadId returns it (without the legacy `Id`). */
	private taskPayload(task: LsqTask): Record<string, unknown> {
		const { Id: _id, ...payload } = task;
		return payload;
	}

	private createNote(ctx: PartnerContext): PartnerReply {
		if (!isObject(ctx.body)) return invalid('Request body must be a JSON object');
		const leadId = String(ctx.body.RelatedProspectId ?? '');
		if (!this.leadList.some((l) => l.ProspectID === leadId)) return invalid('Lead does not exist');
		const note: LsqNote = { Id: this.nextId(), RelatedProspectId: leadId, Note: String(ctx.body.Note ?? ''), CreatedOn: sqlDateTime(this.now()) };
		this.noteList.push(note);
		return json(200, { Status: 'Success', Message: { Id: note.Id } });
	}
}
