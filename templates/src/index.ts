import { anyAppRoundTrip } from './anyAppRoundTrip';
import { anyAppToGhl } from './anyAppToGhl';
import { dpdImportToGhl } from './dpdImportToGhl';
import { dpdIpnToGhl } from './dpdIpnToGhl';
import { dpdPollToGhl } from './dpdPollToGhl';
import { ghlAgencyFanOut } from './ghlAgencyFanOut';
import { ghlAppointmentToLsq } from './ghlAppointmentToLsq';
import { ghlContactToLeadCars } from './ghlContactToLeadCars';
import { ghlContact360ToLeadCars } from './ghlContact360ToLeadCars';
import { ghlContactToLsq } from './ghlContactToLsq';
import { ghlContactsBulkUpdate } from './ghlContactsBulkUpdate';
import { ghlContactsToAnyApp } from './ghlContactsToAnyApp';
import { ghlFollowUps } from './ghlFollowUps';
import { leadCarsToGhl } from './leadCarsToGhl';
import { leadPopsPollToGhl } from './leadPopsPollToGhl';
import type { TemplateSpec } from './lib';
import { lsqActivityToGhl } from './lsqActivityToGhl';
import { lsqLeadToGhl } from './lsqLeadToGhl';
import { lsqTaskToGhl } from './lsqTaskToGhl';
import { lsqMeetingToGhl } from './lsqMeetingToGhl';
import { ghlTaskCompleteToLsq } from './ghlTaskCompleteToLsq';

/** Every template, in the order templates/README.md describes them. */
export const templates: TemplateSpec[] = [
	lsqLeadToGhl,
	lsqActivityToGhl,
	ghlContactToLsq,
	ghlAppointmentToLsq,
	dpdIpnToGhl,
	dpdPollToGhl,
	leadPopsPollToGhl,
	leadCarsToGhl,
	ghlContactToLeadCars,
	ghlContactsToAnyApp,
	anyAppToGhl,
	ghlContactsBulkUpdate,
	ghlFollowUps,
	ghlContact360ToLeadCars,
	lsqTaskToGhl,
	ghlTaskCompleteToLsq,
	dpdImportToGhl,
	lsqMeetingToGhl,
	ghlAgencyFanOut,
	anyAppRoundTrip,
];
