import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import {
	listAssociations,
	listBusinesses,
	listCalendarGroups,
	listCalendars,
	listCampaigns,
	listFormsOrSurveys,
	listCustomFields,
	listCustomValues,
	listLocationTags,
	listLostReasons,
	listObjectSchemas,
	listPipelines,
	listTemplates,
	listUsers,
	listWorkflows,
} from '../../shared/reads';
import { callEndpoint, getLocationId } from '../../shared/transport';
import { meta as objectSchema } from '../actions/customObject/get.operation';
import { meta as fieldsOfObject } from '../actions/objectField/getAll.operation';
import { getCustomFieldDefinitions } from '../helpers/customFields';
import type { CustomFieldDefinition } from '../helpers/customFields';

/** Custom fields as options: by name with their type, the field key beside. */
function customFieldOptions(definitions: CustomFieldDefinition[]): INodePropertyOptions[] {
	return definitions
		.map((field) => ({
			name: `${field.name} (${(field.dataType ?? 'TEXT').toLowerCase().replace(/_/g, ' ')})`,
			value: field.id,
			description: field.fieldKey,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's contact custom fields, by name with their type. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return customFieldOptions(await getCustomFieldDefinitions.call(this));
}

/** The location's opportunity custom fields (`?model=opportunity`), by name with their type. */
export async function getOpportunityCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return customFieldOptions(await getCustomFieldDefinitions.call(this, 'opportunity'));
}

/** The location's File Upload contact fields (form uploads). */
export async function getFileUploadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return customFieldOptions((await getCustomFieldDefinitions.call(this)).filter((field) => field.dataType === 'FILE_UPLOAD'));
}

/** The location's users, by name (task assignees, note authors, followers, appointment owners). */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listUsers.call(this))
		.map((user) => ({
			name: String(user.name || [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || user.id),
			value: String(user.id),
			description: user.email ? String(user.email) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's calendars, by name. */
export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCalendars.call(this))
		.map((calendar) => ({
			name: String(calendar.name || calendar.id),
			value: String(calendar.id),
			description: calendar.description ? String(calendar.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's calendar groups, by name. */
export async function getCalendarGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCalendarGroups.call(this))
		.map((group) => ({ name: String(group.name || group.id), value: String(group.id), description: group.slug ? String(group.slug) : undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** IANA time zones, as this machine's Intl knows them (no request). */
export async function getTimeZones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const zones = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');
	return [...zones].sort((a, b) => a.localeCompare(b)).map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));
}

/** The location's pipelines, by name. */
export async function getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listPipelines.call(this))
		.map((pipeline) => ({ name: String(pipeline.name || pipeline.id), value: String(pipeline.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The chosen pipeline's stages, in the pipeline's order (wherever the operation asks for the pipeline). */
export async function getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const chosen = ['pipelineId', 'filters.pipelineId', 'updateFields.pipelineId', 'fields.pipelineId']
		.map((name) => {
			// The editor's current values; the node's saved ones where there are none.
			try {
				return this.getCurrentNodeParameter(name) ?? this.getNodeParameter(name, '');
			} catch {
				return undefined;
			}
		})
		.find((value) => typeof value === 'string' && value !== '');
	const pipelines = await listPipelines.call(this);
	const pipeline = pipelines.find((candidate) => candidate.id === chosen);
	if (!pipeline) return [];
	return ((pipeline.stages ?? []) as Array<{ id: string; name?: string }>).map((stage) => ({ name: stage.name || stage.id, value: stage.id }));
}

/** The location's reasons for lost opportunities, by name. */
export async function getLostReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listLostReasons.call(this))
		.map((reason) => ({ name: String(reason.name || reason.id), value: String(reason.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Records listed by name, described by `describe` (default: their status, when they have one). */
function byName(
	records: IDataObject[],
	describe: (record: IDataObject) => unknown = (record) => record.status,
): INodePropertyOptions[] {
	return records
		.map((record) => {
			const description = describe(record);
			return {
				name: String(record.name || record.id),
				value: String(record.id),
				description: description ? String(description) : undefined,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's campaigns, by name (Add/Remove Contact). */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listCampaigns.call(this));
}

/** The location's workflows, by name (Add/Remove Contact). */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listWorkflows.call(this));
}

/** The location's businesses, by name. */
export async function getBusinesses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listBusinesses.call(this));
}

/** The location's tags, by name. */
export async function getLocationTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listLocationTags.call(this));
}

/** The location's custom values, by name, with their merge key. */
export async function getCustomValues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listCustomValues.call(this), (value) => value.fieldKey);
}

/** The location's custom fields of every model (contact and opportunity), by name, with their key. */
export async function getLocationCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listCustomFields.call(this), (field) => field.fieldKey);
}

/** The location's email and SMS templates, by name, with their kind. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listTemplates.call(this), (template) => template.type);
}

/** The location's forms, by name. */
export async function getForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listFormsOrSurveys.call(this, 'forms'));
}

/** The location's surveys, by name. */
export async function getSurveys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return byName(await listFormsOrSurveys.call(this, 'surveys'));
}

/** The location's associations, by their key, described by the two objects they link. */
export async function getAssociations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listAssociations.call(this))
		.map((association) => ({
			name: String(association.key || association.id),
			value: String(association.id),
			description: `${String(association.firstObjectKey)} (${String(association.firstObjectLabel)}) ↔ ${String(association.secondObjectKey)} (${String(association.secondObjectLabel)})`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The objects GHL associates: contacts, opportunities, businesses and the location's custom objects. */
export async function getAssociationObjectKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const customObjects = (await listObjectSchemas.call(this))
		.filter((schema) => typeof schema.key === 'string' && schema.key.startsWith('custom_objects.'))
		.map((schema) => {
			const labels = schema.labels as IDataObject | undefined;
			return { name: String(labels?.singular ?? schema.key), value: String(schema.key), description: String(schema.key) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{ name: 'Business', value: 'business' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Opportunity', value: 'opportunity' },
		...customObjects,
	];
}

/** The location's objects that `keep` keeps, by label, their key as the value. */
async function objectSchemaOptions(ctx: ILoadOptionsFunctions, keep: (object: IDataObject) => boolean): Promise<INodePropertyOptions[]> {
	return (await listObjectSchemas.call(ctx))
		.filter(keep)
		.map((object) => {
			const labels = (object.labels ?? {}) as IDataObject;
			return { name: String(labels.plural || labels.singular || object.key), value: String(object.key), description: String(object.key) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

const isCustomObject = (object: IDataObject) => object.standard !== true;
/** GHL's custom fields v2 serve custom objects and businesses. */
const hasFieldsV2 = (object: IDataObject) => isCustomObject(object) || object.key === 'business';

/** Every object of the location (Custom Object Get and Update). */
export async function getObjectSchemas(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await objectSchemaOptions(this, () => true);
}

/** The location's custom objects (record operations: GHL serves records of custom objects). */
export async function getCustomObjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await objectSchemaOptions(this, isCustomObject);
}

/** The fields of the chosen object, by name, their full key as the value (searchable fields). */
export async function getObjectFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let key = '';
	try {
		// The editor's current value; the node's saved one where there is none.
		key = String(this.getCurrentNodeParameter('schemaKey') ?? this.getNodeParameter('schemaKey', '') ?? '');
	} catch {
		key = '';
	}
	if (!key) return [];
	const response = await callEndpoint.call(this, objectSchema.endpoint, { pathParams: { key }, qs: { locationId: await getLocationId(this), fetchProperties: true } });
	return ((response.fields ?? []) as IDataObject[])
		.map((field) => ({ name: String(field.name || field.fieldKey), value: String(field.fieldKey), description: String(field.dataType ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The objects custom fields v2 serve (custom objects, businesses): Object Field operations. */
export async function getFieldObjectKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await objectSchemaOptions(this, hasFieldsV2);
}

/** The v2 fields and folders of objects: the chosen one's, or every object's (`objectKey` empty). */
async function fieldsAndFolders(ctx: ILoadOptionsFunctions, objectKey: string): Promise<Array<{ object: string; fields: IDataObject[]; folders: IDataObject[] }>> {
	const keys = objectKey ? [{ value: objectKey, name: objectKey }] : await objectSchemaOptions(ctx, hasFieldsV2);
	const locationId = await getLocationId(ctx);
	return await Promise.all(
		keys.map(async (key) => {
			const response = await callEndpoint.call(ctx, fieldsOfObject.endpoint, { pathParams: { objectKey: String(key.value) }, qs: { locationId } });
			return { object: key.name, fields: (response.fields ?? []) as IDataObject[], folders: (response.folders ?? []) as IDataObject[] };
		}),
	);
}

/** The chosen parameter's value in the editor, or the saved one; empty when it has none. */
function currentValue(ctx: ILoadOptionsFunctions, name: string): string {
	try {
		return String(ctx.getCurrentNodeParameter(name) ?? ctx.getNodeParameter(name, '') ?? '');
	} catch {
		return '';
	}
}

const itemOptions = (groups: Array<{ object: string; items: IDataObject[] }>, withObject: boolean): INodePropertyOptions[] =>
	groups
		.flatMap(({ object, items }) =>
			items.map((item) => ({
				name: withObject ? `${object}: ${String(item.name || item.id)}` : String(item.name || item.id),
				value: String(item.id),
				description: item.fieldKey ? String(item.fieldKey) : undefined,
			})),
		)
		.sort((a, b) => a.name.localeCompare(b.name));

/** The folders of the chosen object (Object Field Create), by name. */
export async function getFieldFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const objectKey = currentValue(this, 'objectKey');
	if (!objectKey) return [];
	return itemOptions((await fieldsAndFolders(this, objectKey)).map(({ object, folders }) => ({ object, items: folders })), false);
}

/** Every v2 field of the location's objects, as "Object: Field" (Object Field Get, Update, Delete). */
export async function getAllObjectFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return itemOptions((await fieldsAndFolders(this, '')).map(({ object, fields }) => ({ object, items: fields })), true);
}

/** Every field folder of the location's objects, as "Object: Folder" (Update Folder, Delete Folder). */
export async function getAllFieldFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return itemOptions((await fieldsAndFolders(this, '')).map(({ object, folders }) => ({ object, items: folders })), true);
}
