/**
 * LeadCars (leadcars.es) simulator under `/leadcars` (research partner-apps.md §4, manual v2.5).
 *
 * Base path `/leadcars/api/v2`, auth header `cliente-token` (20 characters; documented). Routes:
 * `POST /leads` (required nombre, apellidos, email, concesionario, tipo_lead; phones E.164),
 * `GET /leadinfos/{id}` (documented response shape), `PUT /leads/{id}/submit` (the edit; `estado`
 * required since v2.5), `GET /listStates`, `POST /leads/{id}/comments`,
 * `GET /tipos`, `/concesionarios`, `/sedes/{concesionario}`, `/campanas/{concesionario}`.
 *
 * Assumed (not documented): the create answer `{"success":true,"data":{"id":N}}` (a third-party
 * client's guess), the edit answer `{"success":true}`, the error bodies, the list shapes `[{id,name}]`,
 * the states' ids and reasons (`/listStates` is documented as "states with required fields"), and that
 * an edit adds an action to the lead only when it changes its state. The real API has no
 * "list leads" or search endpoint and no webhooks; neither has this simulator.
 */
import leadInfoSample from './payloads/leadcars-leadinfos.json';
import { clone, isObject, json, type PartnerContext, type PartnerReply, type PartnerSimulator } from './common';

export const LEADCARS_DEMO = {
	clienteToken: 'lc-demo-token-000001',
	concesionario: 123,
	sede: 456,
	tipoLead: 7,
	campana: 'VN-OTONO-25',
} as const;

/** A `GET /leadinfos/{id}` answer (the documented shape; contact data left open). */
export type LeadCarsLeadInfo = Omit<typeof leadInfoSample, 'contact' | 'lead'> & {
	lead: Record<string, string | null>;
	contact: { data: Record<string, unknown> };
};

export interface LeadCarsComment {
	leadId: number;
	comentario: string;
	body: Record<string, unknown>;
	at: string;
}

const TIPOS = [
	{ id: 7, name: 'ONLINE - Formulario web' },
	{ id: 8, name: 'TELEFONO - Llamada entrante' },
	{ id: 9, name: 'EXPOSICION - Visita' },
];
const CONCESIONARIOS = [{ id: 123, name: 'Concesionario DEMO' }];
const SEDES: Record<string, Array<{ id: number; name: string }>> = { '123': [{ id: 456, name: 'Sede Madrid Norte' }, { id: 457, name: 'Sede Alcobendas' }] };
const CAMPANAS: Record<string, Array<{ code: string; name: string }>> = { '123': [{ code: 'VN-OTONO-25', name: 'VN OTOÑO 2025' }, { code: 'VO-STOCK', name: 'Vehículo de ocasión' }] };
/** `GET /listStates`: a state that closes the lead needs its reasons (motivos). */
const STATES = [
	{ id: 1, name: 'Nuevo', motivos: [] as Array<{ id: number; name: string }>, requiere_motivos: false },
	{ id: 2, name: 'En seguimiento', motivos: [], requiere_motivos: false },
	{ id: 3, name: 'Cita concertada', motivos: [], requiere_motivos: false },
	{ id: 4, name: 'Vendido', motivos: [], requiere_motivos: false },
	{ id: 5, name: 'Perdido', motivos: [{ id: 51, name: 'Compró en otro concesionario' }, { id: 52, name: 'No contesta' }], requiere_motivos: true },
];
const E164 = /^\+[1-9]\d{6,14}$/;

function madrid(date: Date): { date: string; timezone_type: number; timezone: string } {
	return { date: `${date.toISOString().replace('T', ' ').slice(0, 19)}.000000`, timezone_type: 3, timezone: 'Europe/Madrid' };
}

function seedLeads(): LeadCarsLeadInfo[] {
	const second = clone(leadInfoSample) as LeadCarsLeadInfo;
	Object.assign(second, {
		id: 799121,
		temperature: 'warn',
		vehicle_text: 'CUPRA Formentor 1.5 TSI 150 CV',
		status: { name: 'Nuevo', num_new_actions: 1 },
		type: { name: 'TELEFONO - Llamada entrante', num_new_actions: 1 },
		user: { email: 'comercial.alcobendas@concesionario-demo.es', auto_assigned: 0 },
		dealer: { dealer: 'Concesionario DEMO', shop: 'Sede Alcobendas' },
		lead: { email: 'javier.ortega@example.es', name: 'Javier', last_name: 'Ortega Ruiz', phone: '+34916540000', cellphone: '+34622000111', postal_code: '28100', region: 'Madrid' },
		actions: { data: [{ type: 'entrada_lead', date: '2025-10-23T10:15:00+02:00', info: 'TELEFONO - Llamada entrante' }] },
	});
	second.contact.data = {
		...second.contact.data, id: 139040, name: 'Javier', last_name: 'Ortega Ruiz', birthday: '1979-06-30', city: 'Alcobendas',
		postal_code: '28100', address: 'Avenida de España 40', phone: '+34916540000', cellphone: '+34622000111',
		email: 'javier.ortega@example.es', profession: 'Ingeniero', company: 'Ortega Ingeniería SL',
	};
	second.date_entry = madrid(new Date('2025-10-23T08:15:00Z'));
	second.date_last_action = madrid(new Date('2025-10-23T08:15:00Z'));
	return [clone(leadInfoSample) as LeadCarsLeadInfo, second];
}

const unauthorized = () => json(401, { success: false, message: 'cliente-token no válido' }, false);

export class LeadCarsSimulator implements PartnerSimulator {
	readonly name = 'leadcars' as const;
	readonly demo = LEADCARS_DEMO;
	readonly samples = { leadinfo: leadInfoSample };

	private leadList: LeadCarsLeadInfo[] = [];
	private commentList: LeadCarsComment[] = [];
	/** Bodies of every accepted `POST /leads`, in order. */
	private createdBodies: Array<Record<string, unknown>> = [];
	/** Every accepted `PUT /leads/{id}/submit`, in order. */
	private updateList: Array<{ leadId: number; body: Record<string, unknown> }> = [];
	private nextId = 799200;

	constructor(
		private readonly baseUrl: () => string,
		private readonly now: () => Date,
	) {
		this.reset();
	}

	/** `<partners url>/leadcars/api/v2`: the value for a template's LeadCars API URL setting. */
	get url(): string {
		return `${this.baseUrl()}/leadcars/api/v2`;
	}

	reset(): void {
		this.leadList = seedLeads();
		this.commentList = [];
		this.createdBodies = [];
		this.updateList = [];
		this.nextId = 799200;
	}

	/** The accepted edits (`PUT /leads/{id}/submit`): lead id and request body. */
	updates(): Array<{ leadId: number; body: Record<string, unknown> }> {
		return clone(this.updateList);
	}

	leads(): LeadCarsLeadInfo[] {
		return clone(this.leadList);
	}

	/** Changes a lead as LeadCars' own users would (its `lead` fields), moving `date_last_action`. */
	patchLead(id: number, fields: Record<string, unknown>): LeadCarsLeadInfo {
		const found = this.leadList.find((l) => l.id === id);
		if (!found) throw new Error(`No LeadCars lead ${id}`);
		Object.assign(found.lead as Record<string, unknown>, fields);
		found.date_last_action = madrid(this.now());
		return clone(found);
	}

	lead(id: number): LeadCarsLeadInfo | undefined {
		const found = this.leadList.find((l) => l.id === id);
		return found ? clone(found) : undefined;
	}

	/** Request bodies of the leads created through `POST /leads`. */
	created(): Array<Record<string, unknown>> {
		return clone(this.createdBodies);
	}

	comments(): LeadCarsComment[] {
		return clone(this.commentList);
	}

	handle(ctx: PartnerContext): PartnerReply {
		if (ctx.headers['cliente-token'] !== LEADCARS_DEMO.clienteToken) return unauthorized();
		const route = ctx.route.replace(/\/+$/, '');
		if (!route.startsWith('/api/v2/')) return json(404, { success: false, message: 'Ruta no encontrada' });
		const path = route.slice('/api/v2'.length);
		let match: RegExpExecArray | null;
		if (ctx.method === 'GET' && path === '/tipos') return json(200, clone(TIPOS));
		if (ctx.method === 'GET' && path === '/concesionarios') return json(200, clone(CONCESIONARIOS));
		if (ctx.method === 'GET' && (match = /^\/sedes\/(\d+)$/.exec(path))) return json(200, clone(SEDES[match[1]] ?? []));
		if (ctx.method === 'GET' && (match = /^\/campanas\/(\d+)$/.exec(path))) return json(200, clone(CAMPANAS[match[1]] ?? []));
		if (ctx.method === 'GET' && path === '/listStates') return json(200, clone(STATES));
		if (ctx.method === 'POST' && path === '/leads') return this.createLead(ctx);
		if (ctx.method === 'PUT' && (match = /^\/leads\/(\d+)\/submit$/.exec(path))) return this.editLead(Number(match[1]), ctx);
		if (ctx.method === 'GET' && (match = /^\/leadinfos\/(\d+)$/.exec(path))) {
			const lead = this.leadList.find((l) => l.id === Number(match![1]));
			return lead ? json(200, clone(lead)) : json(404, { success: false, message: 'Lead no encontrado' });
		}
		if (ctx.method === 'POST' && (match = /^\/leads\/(\d+)\/comments$/.exec(path))) {
			const lead = this.leadList.find((l) => l.id === Number(match![1]));
			if (!lead) return json(404, { success: false, message: 'Lead no encontrado' });
			const body = isObject(ctx.body) ? ctx.body : {};
			const comentario = String(body.comentario ?? body.comment ?? '').trim();
			if (!comentario) return json(422, { success: false, errors: { comentario: ['El campo comentario es obligatorio'] } });
			const at = this.now();
			this.commentList.push({ leadId: lead.id, comentario, body: clone(body), at: at.toISOString() });
			lead.actions.data.push({ type: 'comentario', date: at.toISOString(), info: comentario });
			lead.date_last_action = madrid(at);
			return json(201, { success: true });
		}
		return json(404, { success: false, message: 'Ruta no encontrada' });
	}

	/** The edit of v2.5: the lead's fields as in create, `estado: {id, motivos[], texto}` required. */
	private editLead(id: number, ctx: PartnerContext): PartnerReply {
		const lead = this.leadList.find((l) => l.id === id);
		if (!lead) return json(404, { success: false, message: 'Lead no encontrado' });
		if (!isObject(ctx.body)) return json(400, { success: false, message: 'El cuerpo debe ser JSON' });
		const body = ctx.body;
		const errors: Record<string, string[]> = {};
		const estado = isObject(body.estado) ? body.estado : undefined;
		const state = estado ? STATES.find((candidate) => String(candidate.id) === String(estado.id)) : undefined;
		if (!estado) errors.estado = ['El campo estado es obligatorio'];
		else if (!state) errors.estado = ['Estado no válido'];
		else if (state.requiere_motivos && !(Array.isArray(estado.motivos) && estado.motivos.length)) errors.motivos = ['El estado requiere motivos'];
		for (const field of ['nombre', 'apellidos', 'email']) {
			if (field in body && String(body[field] ?? '').trim() === '') errors[field] = [`El campo ${field} no puede estar vacío`];
		}
		if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email))) errors.email = ['El email no es válido'];
		for (const phone of ['telefono', 'movil']) {
			if (body[phone] && !E164.test(String(body[phone]))) errors[phone] = [`El campo ${phone} debe estar en formato E.164 (+34...)`];
		}
		if (body.temperature !== undefined && !['cold', 'warn', 'hot'].includes(String(body.temperature))) {
			errors.temperature = ['temperature debe ser cold, warn o hot'];
		}
		if (body.custom !== undefined && (!isObject(body.custom) || Object.keys(body.custom).some((key) => !/^[A-Za-z0-9_]+$/.test(key)))) {
			errors.custom = ['custom debe ser un objeto con claves sin espacios ni caracteres especiales'];
		}
		if (Object.keys(errors).length) return json(422, { success: false, errors });

		const set = (target: Record<string, unknown>, key: string, value: unknown) => {
			if (value !== undefined) target[key] = value === null ? null : String(value);
		};
		const fields = lead.lead as Record<string, unknown>;
		const data = lead.contact.data;
		for (const [from, to] of [['nombre', 'name'], ['apellidos', 'last_name'], ['email', 'email'], ['telefono', 'phone'], ['movil', 'cellphone'], ['cp', 'postal_code'], ['provincia', 'region']]) {
			set(fields, to, body[from]);
			set(data, to, body[from]);
		}
		if (isObject(body.custom)) {
			set(data, 'company', body.custom.company);
			set(data, 'city', body.custom.city);
		}
		if (body.temperature !== undefined) lead.temperature = String(body.temperature);
		const at = this.now();
		if (lead.status.name !== state!.name) {
			lead.status = { ...lead.status, name: state!.name };
			lead.actions.data.push({ type: 'cambio_estado', date: at.toISOString(), info: state!.name + (estado!.texto ? `: ${String(estado!.texto)}` : '') });
		}
		lead.date_last_action = madrid(at);
		this.updateList.push({ leadId: id, body: clone(body) });
		return json(200, { success: true });
	}

	private createLead(ctx: PartnerContext): PartnerReply {
		if (!isObject(ctx.body)) return json(400, { success: false, message: 'El cuerpo debe ser JSON' });
		const body = ctx.body;
		const errors: Record<string, string[]> = {};
		for (const field of ['nombre', 'apellidos', 'email', 'concesionario', 'tipo_lead']) {
			if (body[field] === undefined || body[field] === null || String(body[field]).trim() === '') {
				errors[field] = [`El campo ${field} es obligatorio`];
			}
		}
		if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email))) errors.email = ['El email no es válido'];
		for (const phone of ['telefono', 'movil']) {
			if (body[phone] && !E164.test(String(body[phone]))) errors[phone] = [`El campo ${phone} debe estar en formato E.164 (+34...)`];
		}
		if (body.concesionario !== undefined && !CONCESIONARIOS.some((c) => String(c.id) === String(body.concesionario))) {
			errors.concesionario = ['Concesionario no válido'];
		}
		if (body.tipo_lead !== undefined && !TIPOS.some((t) => String(t.id) === String(body.tipo_lead))) errors.tipo_lead = ['Tipo de lead no válido'];
		if (body.temperature !== undefined && !['cold', 'warn', 'hot'].includes(String(body.temperature))) {
			errors.temperature = ['temperature debe ser cold, warn o hot'];
		}
		if (body.custom !== undefined && (!isObject(body.custom) || Object.keys(body.custom).some((key) => !/^[A-Za-z0-9_]+$/.test(key)))) {
			errors.custom = ['custom debe ser un objeto con claves sin espacios ni caracteres especiales'];
		}
		if (Object.keys(errors).length) return json(422, { success: false, errors });

		const id = this.nextId++;
		const now = this.now();
		const tipo = TIPOS.find((t) => String(t.id) === String(body.tipo_lead))!;
		const sede = (SEDES[String(body.concesionario)] ?? []).find((s) => String(s.id) === String(body.sede));
		const campana = (CAMPANAS[String(body.concesionario)] ?? []).find((c) => c.code === body.campana);
		const info = clone(leadInfoSample) as LeadCarsLeadInfo;
		Object.assign(info, {
			id,
			temperature: body.temperature ?? 'cold',
			vehicle_text: String((isObject(body.custom) && body.custom.vehiculo_interes) || ''),
			lights: { status: 'verde', days: 0, hours: 0 },
			date_entry: madrid(now),
			date_last_action: madrid(now),
			dealer: { dealer: 'Concesionario DEMO', shop: sede?.name ?? '' },
			campaign: campana ? { name: campana.name, code: campana.code } : { name: '', code: '' },
			status: { name: 'Nuevo', num_new_actions: 1 },
			type: { name: tipo.name, num_new_actions: 1 },
			user: { email: 'comercial.madrid@concesionario-demo.es', auto_assigned: 1 },
			lead: {
				email: String(body.email), name: String(body.nombre), last_name: String(body.apellidos),
				phone: body.telefono ? String(body.telefono) : null, cellphone: body.movil ? String(body.movil) : null,
				postal_code: body.cp ? String(body.cp) : null, region: body.provincia ? String(body.provincia) : null,
			},
			actions: { data: [{ type: 'entrada_lead', date: now.toISOString(), info: body.comentario ? String(body.comentario) : tipo.name }] },
		});
		info.contact.data = {
			...info.contact.data, id: 139100 + (id - 799200), name: String(body.nombre), last_name: String(body.apellidos),
			email: String(body.email), phone: body.telefono ?? null, cellphone: body.movil ?? null,
			postal_code: body.cp ?? null, region: body.provincia ?? null, birthday: null, address: null, city: null, profession: null,
		};
		this.leadList.push(info);
		this.createdBodies.push(clone(body));
		return json(201, { success: true, data: { id } });
	}
}
