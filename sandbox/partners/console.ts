/**
 * The partner simulators' console: `GET /` is the same kind of page as the GHL sandbox's
 * (sandbox/console/page.ts) for what the simulators hold (LeadSquared leads, activities, tasks and
 * notes, DPD purchases, LeadCars leads, leadPops leads) and the requests they received, with the
 * demo keys masked. Its JSON routes are `GET /_console/<table>`; console requests are not recorded.
 */
import type { ServerResponse } from 'http';
import { maskSecrets, maskValues } from '../console/mask';
import { consoleHtml, type ConsoleLayout } from '../console/page';
import { ANYAPP_DEMO, type AnyAppSimulator } from './anyapp';
import type { PartnerRequest } from './common';
import { DPD_DEMO, type DpdSimulator } from './dpd';
import { LEADCARS_DEMO, type LeadCarsSimulator } from './leadcars';
import { LEADPOPS_DEMO, type LeadPopsSimulator } from './leadpops';
import { LSQ_DEMO, type LeadSquaredSimulator } from './leadsquared';

export interface PartnersConsoleSources {
	leadsquared: LeadSquaredSimulator;
	dpd: DpdSimulator;
	leadpops: LeadPopsSimulator;
	leadcars: LeadCarsSimulator;
	anyapp: AnyAppSimulator;
	requests: PartnerRequest[];
}

/** The demo credentials, masked wherever they appear (bodies included), not only in named fields. */
const SECRETS = [
	LSQ_DEMO.accessKey,
	LSQ_DEMO.secretKey,
	LSQ_DEMO.webhookHeaderValue,
	DPD_DEMO.apiPassword,
	DPD_DEMO.ipnPassword,
	LEADPOPS_DEMO.apiKey,
	LEADCARS_DEMO.clienteToken,
	ANYAPP_DEMO.apiKey,
	ANYAPP_DEMO.webhookKey,
];

type Row = Record<string, unknown>;

/** Time of a row as epoch ms: epoch seconds, ISO or `YYYY-MM-DD HH:MM:SS` (UTC) strings, LeadCars' `{date}`. */
function timeOf(value: unknown): number {
	if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
	if (value && typeof value === 'object' && 'date' in value) return timeOf((value as { date: unknown }).date);
	if (typeof value !== 'string' || !value) return 0;
	const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(value) ? `${value.slice(0, 19).replace(' ', 'T')}Z` : value;
	return Date.parse(iso) || 0;
}

/** Newest first by `dateOf`; among equal times, the later in the list (created later) first. */
function newestFirst<T>(rows: T[], dateOf: (row: T) => unknown): T[] {
	return rows
		.map((row, order) => ({ row, order, at: timeOf(dateOf(row)) }))
		.sort((a, b) => b.at - a.at || b.order - a.order)
		.map(({ row }) => row);
}

export function partnerTables(sources: PartnersConsoleSources): Record<string, () => Row[]> {
	const mask = (value: unknown) => JSON.parse(maskValues(JSON.stringify(maskSecrets(value) ?? null), SECRETS));
	return {
		'leadsquared-leads': () => newestFirst(sources.leadsquared.leads(), (l) => l.ModifiedOn ?? l.CreatedOn),
		'leadsquared-activities': () => newestFirst(sources.leadsquared.activities(), (a) => a.CreatedOn) as unknown as Row[],
		'leadsquared-tasks': () => newestFirst(sources.leadsquared.tasks(), (t) => t.CreatedOn) as unknown as Row[],
		'leadsquared-notes': () => newestFirst(sources.leadsquared.notes(), (n) => n.CreatedOn) as unknown as Row[],
		'dpd-purchases': () => newestFirst(sources.dpd.purchases(), (p) => p.created_at),
		'leadcars-leads': () => newestFirst(sources.leadcars.leads(), (l) => l.date_entry) as unknown as Row[],
		'leadpops-leads': () => newestFirst(sources.leadpops.leads(), (l) => l.date_created) as unknown as Row[],
		'anyapp-records': () => sources.anyapp.records().reverse() as unknown as Row[],
		'anyapp-notes': () => sources.anyapp.notes().reverse() as unknown as Row[],
		'anyapp-tasks': () => sources.anyapp.tasks().reverse() as unknown as Row[],
		requests: () =>
			sources.requests
				.slice(-500)
				.reverse()
				.map((r) => ({
					at: r.at,
					partner: r.partner,
					method: r.method,
					route: r.route,
					status: r.status,
					authorized: r.authorized,
					query: mask(r.query),
					headers: mask(r.headers),
					body: mask(r.body),
				})),
	};
}

export function partnersConsoleLayout(): ConsoleLayout {
	const time = { format: 'time' as const };
	const table = (id: string, title: string, columns: ConsoleLayout['tables'][number]['columns'], hint?: string) => ({
		id,
		title,
		source: `/_console/${id}`,
		columns,
		hint,
	});
	return {
		title: 'Partner simulators console',
		intro: 'What the local LeadSquared, DPD, LeadCars, leadPops and "any app" hold, and the requests they received (keys masked).',
		tables: [
			table('leadsquared-leads', 'LeadSquared leads', [
				{ key: 'ModifiedOn', label: 'Modified', ...time },
				{ key: 'FirstName', label: 'First name' },
				{ key: 'LastName', label: 'Last name' },
				{ key: 'EmailAddress', label: 'Email' },
				{ key: 'Phone', label: 'Phone' },
				{ key: 'Source', label: 'Source' },
				{ key: 'mx_GHL_Contact_Id', label: 'GHL contact' },
				{ key: 'ProspectID', label: 'ProspectID' },
			]),
			table('leadsquared-activities', 'LeadSquared activities', [
				{ key: 'CreatedOn', label: 'Created', ...time },
				{ key: 'ActivityEventName', label: 'Activity' },
				{ key: 'ActivityDateTime', label: 'When', ...time },
				{ key: 'ActivityNote', label: 'Note' },
				{ key: 'RelatedProspectId', label: 'Lead' },
			]),
			table('leadsquared-tasks', 'LeadSquared tasks', [
				{ key: 'CreatedOn', label: 'Created', ...time },
				{ key: 'Name', label: 'Name' },
				{ key: 'TaskType', label: 'Type' },
				{ key: 'DueDate', label: 'Due', ...time },
				{ key: 'RelatedEntityId', label: 'Lead' },
			]),
			table('leadsquared-notes', 'LeadSquared notes', [
				{ key: 'CreatedOn', label: 'Created', ...time },
				{ key: 'Note', label: 'Note' },
				{ key: 'RelatedProspectId', label: 'Lead' },
			]),
			table('dpd-purchases', 'DPD purchases', [
				{ key: 'created_at', label: 'Created', ...time },
				{ key: 'id', label: 'ID' },
				{ key: 'status', label: 'Status' },
				{ key: 'buyer_firstname', label: 'First name' },
				{ key: 'buyer_lastname', label: 'Last name' },
				{ key: 'buyer_email', label: 'Email' },
				{ key: 'total', label: 'Total' },
				{ key: 'currency', label: 'Currency' },
			]),
			table('leadcars-leads', 'LeadCars leads', [
				{ key: 'date_entry.date', label: 'Entered (Madrid)' },
				{ key: 'id', label: 'ID' },
				{ key: 'lead.name', label: 'Name' },
				{ key: 'lead.last_name', label: 'Last name' },
				{ key: 'lead.email', label: 'Email' },
				{ key: 'temperature', label: 'Temperature' },
				{ key: 'vehicle_text', label: 'Vehicle' },
				{ key: 'status.name', label: 'Status' },
			]),
			table('leadpops-leads', 'leadPops leads', [
				{ key: 'date_created', label: 'Created', ...time },
				{ key: 'funnel_name', label: 'Funnel' },
				{ key: 'first_name', label: 'First name' },
				{ key: 'last_name', label: 'Last name' },
				{ key: 'email', label: 'Email' },
				{ key: 'phone', label: 'Phone' },
				{ key: 'loan_type', label: 'Loan' },
			]),
			table('anyapp-records', '"Any app" records', [
				{ key: 'externalId', label: 'External ID' },
				{ key: 'firstName', label: 'First name' },
				{ key: 'lastName', label: 'Last name' },
				{ key: 'email', label: 'Email' },
				{ key: 'companyName', label: 'Company' },
			]),
			table('anyapp-notes', '"Any app" notes of records', [
				{ key: 'externalId', label: 'Record' },
				{ key: 'key', label: 'Key' },
				{ key: 'body', label: 'Note' },
			]),
			table('anyapp-tasks', '"Any app" tasks of records', [
				{ key: 'externalId', label: 'Record' },
				{ key: 'key', label: 'Key' },
				{ key: 'title', label: 'Title' },
				{ key: 'dueDate', label: 'Due', ...time },
				{ key: 'completed', label: 'Done' },
			]),
			table(
				'requests',
				'Requests received',
				[
					{ key: 'at', label: 'At', ...time },
					{ key: 'partner', label: 'Partner' },
					{ key: 'method', label: 'Method' },
					{ key: 'route', label: 'Route' },
					{ key: 'status', label: 'Status', format: 'status' },
					{ key: 'authorized', label: 'Demo keys right' },
				],
				'Every API call the simulators answered; "Demo keys right" is false when the call carried wrong or no credentials.',
			),
		],
	};
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

/** Serves `GET /` and `GET /_console/<table>`; false when `pathname` is not the console's. */
export function handlePartnersConsole(method: string, pathname: string, res: ServerResponse, sources: PartnersConsoleSources): boolean {
	if (method !== 'GET') return false;
	if (pathname === '/') {
		send(res, 200, 'text/html; charset=utf-8', consoleHtml(partnersConsoleLayout()));
		return true;
	}
	const match = /^\/_console\/([a-z-]+)$/.exec(pathname);
	if (!match) return false;
	const rows = partnerTables(sources)[match[1]];
	if (!rows) send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ message: `Unknown console table ${match[1]}` }));
	else send(res, 200, 'application/json; charset=utf-8', JSON.stringify(rows()));
	return true;
}
