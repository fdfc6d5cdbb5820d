/**
 * Agency-only operations whose answer the generic store cannot work out from the path:
 * `POST /users/search/filter-by-email` (the agency's users with any of the emails in `emails`).
 */
import type { GenericRecord } from '../store';
import type { Handler } from './context';
import { answer } from './generic';

const filterUsersByEmail: Handler = (ctx) => {
	const body = ctx.body as { companyId: string; emails: string; skip?: string; limit?: string };
	const wanted = new Set(String(body.emails).split(',').map((email) => email.trim().toLowerCase()).filter(Boolean));
	const matching = [...ctx.state.store.users.values()].filter(
		(user) => user.companyId === body.companyId && wanted.has(String(user.email).toLowerCase()),
	);
	const skip = Number(body.skip ?? 0);
	const limit = Number(body.limit ?? 25);
	const page = matching.slice(skip, skip + limit) as unknown as GenericRecord[];
	return answer(ctx.op, { list: page, total: matching.length }, { count: matching.length });
};

export const agencyHandlers: Record<string, Handler> = {
	'filter-users-by-email': filterUsersByEmail,
};
