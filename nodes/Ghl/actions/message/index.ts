import { defineResource } from '../types';
import * as addInbound from './addInbound.operation';
import * as addOutboundCall from './addOutboundCall.operation';
import * as cancelScheduled from './cancelScheduled.operation';
import * as cancelScheduledEmail from './cancelScheduledEmail.operation';
import * as completeUpload from './completeUpload.operation';
import * as downloadTranscription from './downloadTranscription.operation';
import * as exportMessages from './export.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getEmail from './getEmail.operation';
import * as getRecording from './getRecording.operation';
import * as getTranscription from './getTranscription.operation';
import * as initiateUpload from './initiateUpload.operation';
import * as replyToReview from './replyToReview.operation';
import * as send from './send.operation';
import * as sendTypingIndicator from './sendTypingIndicator.operation';
import * as setAttachments from './setAttachments.operation';
import * as updateStatus from './updateStatus.operation';
import * as uploadAttachments from './uploadAttachments.operation';

export const message = defineResource({ name: 'Message', value: 'message', description: 'SMS, email, chat and call messages of GHL conversations' }, [
	addInbound,
	addOutboundCall,
	cancelScheduled,
	cancelScheduledEmail,
	completeUpload,
	downloadTranscription,
	exportMessages,
	get,
	getAll,
	getEmail,
	getRecording,
	getTranscription,
	initiateUpload,
	replyToReview,
	send,
	sendTypingIndicator,
	setAttachments,
	updateStatus,
	uploadAttachments,
]);
