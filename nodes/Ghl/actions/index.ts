import type { Resource } from './types';
import { agency } from './agency';
import { appointment } from './appointment';
import { appointmentNote } from './appointmentNote';
import { association } from './association';
import { blockedSlot } from './blockedSlot';
import { business } from './business';
import { calendar } from './calendar';
import { calendarEvent } from './calendarEvent';
import { calendarGroup } from './calendarGroup';
import { calendarNotification } from './calendarNotification';
import { calendarResource } from './calendarResource';
import { calendarSchedule } from './calendarSchedule';
import { campaign } from './campaign';
import { contact } from './contact';
import { conversation } from './conversation';
import { customField } from './customField';
import { customObject } from './customObject';
import { customSubtype } from './customSubtype';
import { customValue } from './customValue';
import { follower } from './follower';
import { form } from './form';
import { location } from './location';
import { message } from './message';
import { note } from './note';
import { objectField } from './objectField';
import { objectRecord } from './objectRecord';
import { opportunity } from './opportunity';
import { pipeline } from './pipeline';
import { recurringTask } from './recurringTask';
import { relation } from './relation';
import { subscription } from './subscription';
import { survey } from './survey';
import { tag } from './tag';
import { task } from './task';
import { template } from './template';
import { user } from './user';
import { workflow } from './workflow';

/** Every resource of the node; the node's description and the router are both built from this list. */
export const resourceList: Resource[] = [
	agency,
	appointment,
	appointmentNote,
	association,
	blockedSlot,
	business,
	calendar,
	calendarEvent,
	calendarGroup,
	calendarNotification,
	calendarResource,
	calendarSchedule,
	campaign,
	contact,
	conversation,
	customField,
	customObject,
	customSubtype,
	customValue,
	follower,
	form,
	location,
	message,
	note,
	objectField,
	objectRecord,
	opportunity,
	pipeline,
	recurringTask,
	relation,
	subscription,
	survey,
	tag,
	task,
	template,
	user,
	workflow,
];

export const resources: Record<string, Resource> = Object.fromEntries(
	resourceList.map((resource) => [resource.value, resource]),
);
