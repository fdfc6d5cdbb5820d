import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { USER_ROLES } from '../descriptions/userFields';
import { checkEmail, checkPhone, checkText } from './validation';

/** The user fields given (empty ones left out), each checked before any request. */
export function buildUserBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const text = (name: string, label: string) => (fields[name] === undefined ? '' : checkText(ctx, itemIndex, label, fields[name]));
	const firstName = text('firstName', 'First Name');
	if (firstName) body.firstName = firstName;
	const lastName = text('lastName', 'Last Name');
	if (lastName) body.lastName = lastName;
	const email = text('email', 'Email');
	if (email) body.email = checkEmail(ctx, itemIndex, 'Email', email);
	// A password is sent as typed: spaces may be part of it.
	if (text('password', 'Password')) body.password = String(fields.password);
	const phone = text('phone', 'Phone');
	if (phone) body.phone = checkPhone(ctx, itemIndex, 'Phone', phone);
	const role = text('role', 'Role');
	if (role) {
		if (!USER_ROLES.some((option) => option.value === role)) {
			throw new NodeOperationError(ctx.getNode(), `Role: expected admin or user, got "${role.slice(0, 80)}"`, { itemIndex });
		}
		body.role = role;
	}
	return body;
}
