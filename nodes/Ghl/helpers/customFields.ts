import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { listCustomFields } from '../../shared/reads';
import { checkIsoDate, toList } from './validation';

export interface CustomFieldDefinition {
	id: string;
	name: string;
	fieldKey?: string;
	dataType?: string;
	picklistOptions?: string[];
}

/** The records a location custom field is on. */
export type CustomFieldModel = 'contact' | 'opportunity';

const definitionsByContext = new WeakMap<object, Map<CustomFieldModel, Promise<CustomFieldDefinition[]>>>();

/** The location's custom fields of contacts (or of opportunities), fetched once per node run. */
export async function getCustomFieldDefinitions(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	model: CustomFieldModel = 'contact',
): Promise<CustomFieldDefinition[]> {
	const byModel = definitionsByContext.get(this) ?? new Map<CustomFieldModel, Promise<CustomFieldDefinition[]>>();
	definitionsByContext.set(this, byModel);
	let definitions = byModel.get(model);
	if (!definitions) {
		definitions = (async () => {
			// Contacts' fields are listed as they always were (GHL answers every model without `model`).
			const fields = (await listCustomFields.call(this, model === 'contact' ? undefined : model)) as unknown as Array<CustomFieldDefinition & { model?: string }>;
			return fields.filter((field) => (field.model ?? 'contact') === model);
		})();
		byModel.set(model, definitions);
		definitions.catch(() => byModel.delete(model));
	}
	return await definitions;
}

function matches(definition: CustomFieldDefinition, reference: string, model: CustomFieldModel): boolean {
	const wanted = reference.trim().toLowerCase();
	const key = (definition.fieldKey ?? '').toLowerCase();
	return (
		definition.id === reference.trim() ||
		key === wanted ||
		key === `${model}.${wanted}` ||
		definition.name.toLowerCase() === wanted
	);
}

/** A value in the shape GHL takes for the field's type (numbers, lists for checkboxes/multi-selects). */
function fieldValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definition: CustomFieldDefinition,
	value: unknown,
): unknown {
	const label = `Custom field "${definition.name}"`;
	switch (definition.dataType) {
		case 'NUMERICAL':
		case 'MONETORY': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (String(value).trim() === '' || !Number.isFinite(number)) {
				throw new NodeOperationError(ctx.getNode(), `${label}: expected a number, got "${String(value)}"`, { itemIndex });
			}
			return number;
		}
		case 'CHECKBOX':
		case 'MULTIPLE_OPTIONS': {
			const list = toList(value);
			const unknown = definition.picklistOptions?.length
				? list.filter((option) => !definition.picklistOptions?.includes(option))
				: [];
			if (unknown.length) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${label}: "${unknown.join('", "')}" is not one of its options (${definition.picklistOptions?.join(', ')})`,
					{ itemIndex },
				);
			}
			return list;
		}
		case 'SINGLE_OPTIONS':
		case 'RADIO': {
			const option = String(value ?? '');
			if (definition.picklistOptions?.length && option && !definition.picklistOptions.includes(option)) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${label}: "${option}" is not one of its options (${definition.picklistOptions.join(', ')})`,
					{ itemIndex },
				);
			}
			return option;
		}
		case 'DATE':
			return checkIsoDate(ctx, itemIndex, label, value);
		default:
			return value === undefined || value === null ? '' : typeof value === 'object' ? value : String(value);
	}
}

/**
 * Turns the node's custom-field rows into GHL's `customFields: [{id, field_value}]`. A field is
 * named by ID, field key or name; one the location does not have is refused before any write.
 */
export async function buildCustomFields(
	this: IExecuteFunctions,
	itemIndex: number,
	rows: Array<{ fieldId?: string; value?: unknown }>,
	model: CustomFieldModel = 'contact',
): Promise<IDataObject[]> {
	if (!rows.length) return [];
	const definitions = await getCustomFieldDefinitions.call(this, model);
	return rows.map((row) => {
		const reference = String(row.fieldId ?? '').trim();
		const definition = definitions.find((candidate) => matches(candidate, reference, model));
		if (!definition) {
			throw new NodeOperationError(
				this.getNode(),
				`Custom field "${reference}": no such ${model === 'contact' ? '' : `${model} `}custom field in this location`,
				{
					itemIndex,
					description: `Known ${model === 'contact' ? '' : `${model} `}custom fields: ${definitions.map((known) => `${known.name} (${known.id})`).join(', ') || 'none'}`,
				},
			);
		}
		const value = fieldValue(this, itemIndex, definition, row.value);
		// GHL's opportunity DTOs type a value as text, a list or an object: a number goes as text.
		return { id: definition.id, field_value: (model === 'opportunity' && typeof value === 'number' ? String(value) : value) as IDataObject[string] };
	});
}
