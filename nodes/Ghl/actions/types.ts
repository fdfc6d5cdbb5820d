import { updateDisplayOptions } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeParameters, INodeProperties } from 'n8n-workflow';
import type { GhlEndpoint } from '../../shared/transport';
import type { TagBatch } from '../helpers/tagBatch';

/** The GHL endpoint an operation exists for: execute calls it, and the README table, docs/catalogue.json and the OAuth scope presets come from it. */
export type OperationEndpoint = GhlEndpoint;

export interface OperationMeta {
	/** Title Case label in the Operation list. */
	name: string;
	value: string;
	/** Sentence shown in the node picker and to AI agents, e.g. "Create a contact". */
	action: string;
	description: string;
	endpoint: OperationEndpoint;
	/** Key GHL nests the record under (`{contact: …}`); the Simplify option returns just that. */
	unwrap?: string;
	/** What the README's operations table adds after the name, e.g. "by ID, email or phone". */
	readmeNote?: string;
}

/** What one node run shares between its items: work batched across items (tags added in bulk). */
export interface RunScope {
	tags: TagBatch;
}

/**
 * An item's result that is complete only once work batched across the run is done (its tags, added
 * in one bulk call with other items'). The item's request slot is free meanwhile; a rejection is
 * that item's failure.
 */
export class Deferred {
	constructor(readonly result: Promise<IDataObject | IDataObject[]>) {}
}

/** An item's result that carries a file (a call recording): its json and its binary data. */
export class WithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/**
 * IDs in the GHL sandbox's seeded demo data (sandbox/seed.ts), for operation examples. The
 * catalogue test (test/catalogue.test.ts) fills it from the sandbox.
 */
export interface ExampleData {
	/** A contact with tasks, notes, tags, follower userIds[1] and campaign campaignIds[0]. */
	contact: { id: string; email: string; tag: string; taskId: string; noteId: string };
	/** Another contact, in workflow workflowIds[0]. */
	secondContactId: string;
	/** A contact without a conversation. */
	thirdContactId: string;
	/**
	 * The first contact's conversation: an SMS message, a call message with a recording, an email;
	 * scheduled messages (of the second contact), a file upload begun, a custom subscription type.
	 */
	conversation: {
		id: string;
		messageId: string;
		callMessageId: string;
		emailMessageId: string;
		scheduledMessageId: string;
		scheduledEmailMessageId: string;
		pendingUpload: { uploadId: string; filePath: string; filename: string };
		subtypeId: string;
	};
	appointment: { id: string; contactId: string };
	/** An open opportunity with follower userIds[1], its contact and pipeline. */
	opportunity: { id: string; contactId: string; pipelineId: string };
	businessIds: string[];
	calendarIds: string[];
	/** A calendar group of the demo location (slug sales-team). */
	calendarGroupId: string;
	/** A blocked slot on calendarIds[1]. */
	blockedSlotId: string;
	/** A note on the appointment. */
	appointmentNoteId: string;
	/** A room (calendar resource) of the demo location. */
	roomId: string;
	/** A notification of calendarIds[1]. */
	notificationId: string;
	/** userIds[1]'s availability schedule, applied to calendarIds[0]. */
	scheduleId: string;
	campaignIds: string[];
	workflowIds: string[];
	userIds: string[];
	/** Settings of the demo location: a tag, custom value, custom field, File Upload contact field, template and recurring task. */
	location: { id: string; tagId: string; customValueId: string; customFieldId: string; fileFieldId: string; templateId: string; recurringTaskId: string };
	/** A custom object of the demo location with a folder holding its fields (custom fields v2) and a record. */
	customObject: { key: string; folderId: string; fieldId: string; recordId: string };
	/** The user-defined association of contacts (first) and opportunities (second), its relation of contactId and opportunityId. */
	association: { id: string; key: string; relationId: string; contactId: string; opportunityId: string };
	/** The agency's sub-accounts (the app is installed in each): the demo one first. */
	subAccountIds: string[];
}

/** Node parameters that run an operation once against the seeded demo data. */
export type OperationExample = (data: ExampleData) => INodeParameters;

/** A resource locator value given by ID. */
export const byId = (value: string) => ({ mode: 'id', value });

/** One operation: its fields, its execute and an example of its parameters, in one file. */
export interface OperationModule {
	meta: OperationMeta;
	properties: INodeProperties[];
	example: OperationExample;
	/**
	 * Runs the operation for one input item; the router owns the loop, pairedItem and errors. `run`
	 * is absent when an operation is called outside the router: then nothing is batched.
	 */
	execute(this: IExecuteFunctions, itemIndex: number, run?: RunScope): Promise<IDataObject | IDataObject[] | Deferred | WithBinary>;
}

export interface Resource {
	name: string;
	value: string;
	description: string;
	operations: Record<string, OperationModule>;
	/** Operation selector followed by every operation's fields, each shown only for its operation. */
	properties: INodeProperties[];
}

const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function defineResource(
	resource: { name: string; value: string; description: string },
	modules: OperationModule[],
): Resource {
	const sorted = [...modules].sort((a, b) => a.meta.name.localeCompare(b.meta.name));
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: sorted.map(({ meta }) => ({
			name: meta.name,
			value: meta.value,
			action: meta.action,
			description: meta.description,
		})),
		default: '',
	};
	operationProperty.default = sorted[0].meta.value;
	const fieldProperties = sorted.flatMap((module) =>
		updateDisplayOptions(
			{ show: { resource: [resource.value], operation: [module.meta.value] } },
			module.meta.unwrap ? [...module.properties, simplifyProperty] : module.properties,
		),
	);
	return {
		...resource,
		operations: Object.fromEntries(sorted.map((module) => [module.meta.value, module])),
		properties: [operationProperty, ...fieldProperties],
	};
}
