/** Hand-written from GHL's docs (not in the three spec files): custom fields and users of a location. */
import { toCustomField, toUser } from '../store';
import { getLocation } from './common';
import type { Handler } from './context';

export const locationHandlers: Record<string, Handler> = {
	/** `GET /locations/{locationId}/customFields?model=contact|opportunity|all` → `{customFields: [...]}` */
	'get-custom-fields': (ctx) => {
		const location = getLocation(ctx, ctx.params.locationId);
		const model = ctx.query.model ?? 'all';
		const fields = model === 'opportunity' ? [] : ctx.state.store.customFieldsOf(location.id);
		return { status: 200, body: { customFields: fields.map(toCustomField) } };
	},
	/** `GET /users/?locationId=` → `{users: [...]}` */
	'get-user-by-location': (ctx) => {
		const location = getLocation(ctx, String(ctx.query.locationId));
		const users = [...ctx.state.store.users.values()].filter((u) => u.locationIds.includes(location.id));
		return { status: 200, body: { users: users.map(toUser) } };
	},
};
