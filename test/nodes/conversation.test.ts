/**
 * Conversations, messages, subscription types and subscriptions: every operation of GHL's
 * conversations API, each run through n8n-core against the sandbox, asserting what GHL received,
 * what the node output and what GHL now holds.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEFAULT_RATE_LIMIT } from '../../sandbox/server';
import { expectRequest, nodeTests, only } from './kit';

const { sandbox, run, opTest, seed, api } = nodeTests();

const VERSION = '2021-04-15';
const byId = (value: string) => ({ mode: 'id', value });

/** A stored record as the tests read it (ids and fields are plain values). */
type Row = { id: string } & Record<string, string | number | boolean>;

interface Records {
	conversations: Row[];
	messages: Row[];
	uploads: Row[];
	subtypes: Row[];
}

function records(): Records {
	const all = (sandbox().snapshot() as { records: Record<string, Row[]> }).records;
	return {
		conversations: all['/conversations'] ?? [],
		messages: all['/conversations/messages'] ?? [],
		uploads: all['/conversations/messages/upload'] ?? [],
		subtypes: all['/conversations/preferences/custom-subtypes'] ?? [],
	};
}

/** The first demo contact, its conversation and that conversation's messages (oldest first). */
function firstThread() {
	const contact = seed().contacts[0];
	const { conversations, messages } = records();
	const conversation = conversations.find((candidate) => candidate.contactId === contact.id)!;
	const thread = messages.filter((message) => message.conversationId === conversation.id).sort((a, b) => String(a.dateAdded).localeCompare(String(b.dateAdded)));
	return { contact, conversation, thread, byType: (type: string) => thread.find((message) => message.messageType === type)! };
}

const get = (path: string) => api('GET', path, undefined, VERSION);

/** Runs a bulk setup through GHL's API with the rate limit lifted, then puts GHL's limit back for the node. */
async function inBulk(setup: () => Promise<void>): Promise<void> {
	sandbox().setRateLimit({ max: 100_000, intervalMs: 1000, daily: 10_000_000 });
	try {
		await setup();
	} finally {
		sandbox().setRateLimit(DEFAULT_RATE_LIMIT);
	}
}
const locationId = () => sandbox().demo.locationId;

describe('Conversation', () => {
	opTest('create-conversation', 'starts the conversation of a contact found by email; a second create is refused by GHL', async () => {
		const contact = seed().contacts[3];
		const result = await run({ resource: 'conversation', operation: 'create', contactId: { mode: 'email', value: contact.email } });
		expectRequest(only(result, 'create-conversation'), { method: 'POST', path: '/conversations/', version: VERSION, body: { locationId: locationId(), contactId: contact.id } });
		expect(result.out).toEqual([expect.objectContaining({ id: expect.any(String), contactId: contact.id, locationId: locationId() })]);
		const stored = await get(`/conversations/${String(result.out[0].id)}`);
		expect(stored).toMatchObject({ contactId: contact.id, unreadCount: 0 });

		const again = await run({ resource: 'conversation', operation: 'create', contactId: byId(contact.id) }, { continueOnFail: true });
		expect(again.out[0].error).toMatch(/Conversation already exists/);
	});

	opTest('get-conversation', 'reads a conversation by ID', async () => {
		const { conversation, contact } = firstThread();
		const result = await run({ resource: 'conversation', operation: 'get', conversationId: conversation.id });
		expectRequest(only(result, 'get-conversation'), { method: 'GET', path: `/conversations/${String(conversation.id)}`, version: VERSION });
		expect(result.out).toEqual([expect.objectContaining({ id: conversation.id, contactId: contact.id, unreadCount: 1 })]);
	});

	opTest('update-conversation', 'marks a conversation read and starred, and GHL keeps it', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'conversation', operation: 'update', conversationId: conversation.id, updateFields: { unreadCount: 0, starred: true } });
		expectRequest(only(result, 'update-conversation'), {
			method: 'PUT',
			path: `/conversations/${String(conversation.id)}`,
			version: VERSION,
			body: { locationId: locationId(), unreadCount: 0, starred: true },
		});
		expect(result.out[0]).toMatchObject({ id: conversation.id, unreadCount: 0, starred: true });
		expect(await get(`/conversations/${String(conversation.id)}`)).toMatchObject({ unreadCount: 0, starred: true });
	});

	test('Update refuses a negative unread count before any request', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'conversation', operation: 'update', conversationId: conversation.id, updateFields: { unreadCount: -1 } }, { continueOnFail: true });
		expect(result.out[0].error).toBe('Unread Count: expected a whole number of 0 or more, got -1');
		expect(result.requests).toEqual([]);
	});

	opTest('delete-conversation', 'deletes a conversation and its messages', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'conversation', operation: 'delete', conversationId: conversation.id });
		expectRequest(only(result, 'delete-conversation'), { method: 'DELETE', path: `/conversations/${String(conversation.id)}`, version: VERSION });
		expect(result.out).toEqual([expect.objectContaining({ success: true })]);
		expect(records().conversations.map((record) => record.id)).not.toContain(conversation.id);
		expect(records().messages.filter((message) => message.conversationId === conversation.id)).toEqual([]);
	});

	opTest('search-conversation', 'Return All pages 100 at a time with startAfterDate, no conversation twice; filters by unread', async () => {
		// 205 more conversations: three pages of 100.
		const contacts = seed().contacts;
		await inBulk(async () => {
			for (let i = 0; i < 205; i++) {
				const created = await api('POST', '/contacts/', { locationId: locationId(), firstName: `Chat${i}`, phone: `+1555010${String(i).padStart(4, '0')}` });
				await api('POST', '/conversations/', { locationId: locationId(), contactId: (created.contact as IDataObject).id }, VERSION);
			}
		});
		const all = await run({ resource: 'conversation', operation: 'search', returnAll: true });
		const searches = all.requests.filter((request) => request.operationId === 'search-conversation');
		expect(searches.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
		expect(searches[0].query.startAfterDate).toBeUndefined();
		expect(searches[1].query.startAfterDate).toEqual(expect.any(String));
		const ids = all.out.map((conversation) => conversation.id);
		expect(ids).toHaveLength(208);
		expect(new Set(ids).size).toBe(208);

		const unread = await run({ resource: 'conversation', operation: 'search', returnAll: false, limit: 10, filters: { status: 'unread' } });
		expectRequest(only(unread, 'search-conversation'), { method: 'GET', path: '/conversations/search', version: VERSION, query: { locationId: locationId(), status: 'unread', limit: '10' } });
		expect(unread.out.map((conversation) => conversation.contactId)).toEqual([contacts[0].id]);
	}, 120_000);
});

describe('Message', () => {
	opTest('send-a-new-message', 'sends an SMS to a contact found by phone: it lands in the contact’s conversation', async () => {
		const { contact, conversation } = firstThread();
		const result = await run({ resource: 'message', operation: 'send', contactId: { mode: 'phone', value: contact.phone }, type: 'SMS', message: 'Your order has shipped' });
		expectRequest(only(result, 'send-a-new-message'), {
			method: 'POST',
			path: '/conversations/messages',
			version: VERSION,
			status: 200,
			body: { type: 'SMS', subType: {}, status: 'pending', message: 'Your order has shipped', contactId: contact.id },
		});
		expect(result.out).toEqual([expect.objectContaining({ conversationId: conversation.id, messageId: expect.any(String) })]);
		const stored = await get(`/conversations/messages/${String(result.out[0].messageId)}`);
		expect(stored).toMatchObject({ body: 'Your order has shipped', direction: 'outbound', messageType: 'TYPE_SMS', contactId: contact.id });
	});

	test('Send: an email needs a subject, refused before any request; a scheduled email is scheduled', async () => {
		const { contact } = firstThread();
		// A Subject mapped from an item that has none.
		const missing = await run({ resource: 'message', operation: 'send', contactId: byId(contact.id), type: 'Email', subject: '={{ $json.subject }}', message: '<p>Hi</p>' }, { continueOnFail: true });
		expect(missing.out[0].error).toBe('Subject: expected a value (it is required), got nothing');
		expect(missing.requests).toEqual([]);

		const later = new Date(Date.now() + 86_400_000);
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(contact.id),
			type: 'Email',
			subject: 'Tomorrow',
			message: '<p>See you tomorrow</p>',
			additionalFields: { scheduledAt: later.toISOString(), emailCc: 'boss@example.com, team@example.com' },
		});
		expect(only(result, 'send-a-new-message').body).toMatchObject({
			type: 'Email',
			subject: 'Tomorrow',
			html: '<p>See you tomorrow</p>',
			emailCc: ['boss@example.com', 'team@example.com'],
			scheduledTimestamp: Math.floor(later.getTime() / 1000),
		});
		expect(result.out[0].emailMessageId).toEqual(expect.any(String));
		expect(await get(`/conversations/messages/${String(result.out[0].messageId)}`)).toMatchObject({ status: 'scheduled' });
	});

	opTest('upload-file-attachments', 'uploads the input item’s file (multipart, as GHL takes it) and returns its URL', async () => {
		const { contact, conversation } = firstThread();
		const content = Buffer.from('Price list: 42 EUR\n');
		const result = await run(
			{ resource: 'message', operation: 'uploadAttachments', contactId: byId(contact.id), binaryPropertyNames: 'data' },
			{ items: [{ $binary: { data: { data: content.toString('base64'), fileName: 'prices.txt', mimeType: 'text/plain' } } }] },
		);
		const upload = only(result, 'upload-file-attachments');
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body).toEqual({ conversationId: conversation.id, contactId: contact.id, locationId: locationId(), attachmentUrls: [''] });
		// The file's bytes and name travel as the form's fileAttachment part.
		expect(upload.rawBody).toContain('name="fileAttachment"; filename="prices.txt"');
		expect(upload.rawBody).toContain(content.toString());
		expect(result.out).toEqual([{ uploadedFiles: { 'prices.txt': expect.stringMatching(/^https:\/\/.+\/prices\.txt$/) } }]);
	});

	test('Upload Attachments fails naming the missing binary field, before any request', async () => {
		const { contact } = firstThread();
		const result = await run({ resource: 'message', operation: 'uploadAttachments', contactId: byId(contact.id), binaryPropertyNames: 'file' }, { continueOnFail: true });
		expect(String(result.out[0].error)).toMatch(/file/);
		expect(result.requests).toEqual([]);
	});

	test('Send with a file from a binary field: uploaded into the conversation, then sent with its URL', async () => {
		const { contact } = firstThread();
		const result = await run(
			{ resource: 'message', operation: 'send', contactId: byId(contact.id), type: 'SMS', message: 'Here it is', additionalFields: { binaryPropertyNames: 'data' } },
			{ items: [{ $binary: { data: { data: Buffer.from('%PDF-1.4').toString('base64'), fileName: 'quote.pdf', mimeType: 'application/pdf' } } }] },
		);
		expect(result.requests.map((request) => request.operationId)).toEqual(['search-conversation', 'upload-file-attachments', 'send-a-new-message']);
		const sent = only(result, 'send-a-new-message').body as IDataObject;
		expect(sent.attachments).toEqual([expect.stringMatching(/quote\.pdf$/)]);
		expect(await get(`/conversations/messages/${String(result.out[0].messageId)}`)).toMatchObject({ attachments: sent.attachments });
	});

	opTest('add-an-inbound-message', 'puts a partner app’s message into the contact’s conversation (made on first use): unread goes up', async () => {
		const contact = seed().contacts[4];
		const result = await run({
			resource: 'message',
			operation: 'addInbound',
			contactId: byId(contact.id),
			conversationProviderId: 'provider-1',
			type: 'SMS',
			message: 'Is the blue one still available?',
			additionalFields: { altId: 'lsq-msg-77', date: '2026-11-30T10:00:00.000Z' },
		});
		expect(result.requests.map((request) => request.operationId)).toEqual(['search-conversation', 'create-conversation', 'add-an-inbound-message']);
		expect(only(result, 'create-conversation').status).toBe(201);
		const conversationId = records().conversations.find((record) => record.contactId === contact.id)!.id as string;
		expectRequest(only(result, 'add-an-inbound-message'), {
			method: 'POST',
			path: '/conversations/messages/inbound',
			version: VERSION,
			status: 200,
			body: {
				type: 'SMS',
				conversationProviderId: 'provider-1',
				message: 'Is the blue one still available?',
				altId: 'lsq-msg-77',
				date: '2026-11-30T10:00:00.000Z',
				contactId: contact.id,
				conversationId,
			},
		});
		expect(result.out[0]).toMatchObject({ success: true, conversationId, messageId: expect.any(String) });
		expect(await get(`/conversations/messages/${String(result.out[0].messageId)}`)).toMatchObject({ direction: 'inbound', dateAdded: '2026-11-30T10:00:00.000Z', body: 'Is the blue one still available?' });
		expect(await get(`/conversations/${conversationId}`)).toMatchObject({ unreadCount: 1 });

		// The second message of the contact goes to the same conversation.
		const second = await run({ resource: 'message', operation: 'addInbound', contactId: byId(contact.id), conversationProviderId: 'provider-1', type: 'SMS', message: 'Hello?' });
		expect(second.requests.map((request) => request.operationId)).toEqual(['search-conversation', 'add-an-inbound-message']);
		expect(second.out[0].conversationId).toBe(conversationId);
	});

	opTest('add-an-outbound-message', 'logs a call made in another app, with its number and status', async () => {
		const { contact, conversation } = firstThread();
		const result = await run({
			resource: 'message',
			operation: 'addOutboundCall',
			contactId: byId(contact.id),
			conversationProviderId: 'provider-1',
			additionalFields: { callTo: '+15550100', callStatus: 'no-answer' },
		});
		expectRequest(only(result, 'add-an-outbound-message'), {
			method: 'POST',
			path: '/conversations/messages/outbound',
			version: VERSION,
			status: 200,
			body: { type: 'Call', conversationProviderId: 'provider-1', call: { to: '+15550100', status: 'no-answer' }, conversationId: conversation.id },
		});
		expect(await get(`/conversations/messages/${String(result.out[0].messageId)}`)).toMatchObject({ messageType: 'TYPE_CALL', direction: 'outbound' });
	});

	opTest('send-review-reply', 'replies in a conversation', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'message', operation: 'replyToReview', conversationId: conversation.id, message: 'Thank you!' });
		expectRequest(only(result, 'send-review-reply'), {
			method: 'POST',
			path: '/conversations/messages/review-reply',
			version: VERSION,
			status: 200,
			body: { conversationId: conversation.id, locationId: locationId(), message: 'Thank you!' },
		});
		expect(await get(`/conversations/messages/${String(result.out[0].messageId)}`)).toMatchObject({ messageType: 'TYPE_REVIEW', body: 'Thank you!' });
	});

	opTest('get-message', 'reads a message by ID', async () => {
		const { byType } = firstThread();
		const sms = byType('TYPE_SMS');
		const result = await run({ resource: 'message', operation: 'get', messageId: sms.id });
		expectRequest(only(result, 'get-message'), { method: 'GET', path: `/conversations/messages/${String(sms.id)}`, version: VERSION });
		expect(result.out).toEqual([expect.objectContaining({ id: sms.id, body: sms.body, messageType: 'TYPE_SMS', type: 2 })]);
	});

	opTest('get-messages', 'Return All follows lastMessageId while GHL says nextPage; Limit stops early', async () => {
		const { contact, conversation } = firstThread();
		await inBulk(async () => {
			for (let i = 0; i < 150; i++) {
				await api('POST', '/conversations/messages/inbound', { type: 'SMS', conversationId: conversation.id, contactId: contact.id, conversationProviderId: 'p', message: `m${i}`, date: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }, VERSION);
			}
		});
		const all = await run({ resource: 'message', operation: 'getAll', conversationId: conversation.id, returnAll: true });
		const calls = all.requests.filter((request) => request.operationId === 'get-messages');
		expect(calls).toHaveLength(2);
		expect(calls[1].query.lastMessageId).toBe(String(all.out[99].id));
		expect(all.out).toHaveLength(154);
		expect(new Set(all.out.map((message) => message.id)).size).toBe(154);
		expect(all.out[0].body).toBe('m149');

		const some = await run({ resource: 'message', operation: 'getAll', conversationId: conversation.id, returnAll: false, limit: 3, filters: { type: 'TYPE_SMS' } });
		expectRequest(only(some, 'get-messages'), { method: 'GET', path: `/conversations/${String(conversation.id)}/messages`, version: VERSION, query: { limit: '3', type: 'TYPE_SMS' } });
		expect(some.out.map((message) => message.body)).toEqual(['m149', 'm148', 'm147']);
	}, 60_000);

	opTest('export-messages-by-location', 'Return All follows nextCursor over the location’s SMS, oldest first', async () => {
		const { contact, conversation } = firstThread();
		await inBulk(async () => {
			for (let i = 0; i < 120; i++) {
				await api('POST', '/conversations/messages/inbound', { type: 'SMS', conversationId: conversation.id, contactId: contact.id, conversationProviderId: 'p', message: `e${i}` }, VERSION);
			}
		});
		const sms = records().messages.filter((message) => message.messageType === 'TYPE_SMS');
		const result = await run({ resource: 'message', operation: 'export', returnAll: true, filters: { channel: 'SMS' } });
		const calls = result.requests.filter((request) => request.operationId === 'export-messages-by-location');
		expect(calls.map((request) => request.query.cursor === undefined)).toEqual([true, false]);
		expect(calls[0].query).toMatchObject({ locationId: locationId(), channel: 'SMS', sortBy: 'createdAt', sortOrder: 'asc', limit: '100' });
		expect(result.out).toHaveLength(sms.length);
		expect(new Set(result.out.map((message) => message.id))).toEqual(new Set(sms.map((message) => message.id)));
	}, 60_000);

	opTest('get-email-by-id', 'reads an email by its email message ID', async () => {
		const email = firstThread().byType('TYPE_EMAIL');
		const result = await run({ resource: 'message', operation: 'getEmail', emailMessageId: email.emailMessageId });
		expectRequest(only(result, 'get-email-by-id'), { method: 'GET', path: `/conversations/messages/email/${String(email.emailMessageId)}`, version: VERSION });
		expect(result.out[0]).toMatchObject({ id: email.emailMessageId, subject: 'Your proposal', body: email.body });
	});

	opTest('cancel-scheduled-message', 'cancels a scheduled SMS; cancelling a sent one is refused by GHL', async () => {
		const scheduled = records().messages.find((message) => message.status === 'scheduled' && message.messageType === 'TYPE_SMS')!;
		const result = await run({ resource: 'message', operation: 'cancelScheduled', messageId: scheduled.id });
		expectRequest(only(result, 'cancel-scheduled-message'), { method: 'DELETE', path: `/conversations/messages/${String(scheduled.id)}/schedule`, version: VERSION });
		expect(records().messages.map((message) => message.id)).not.toContain(scheduled.id);

		const sent = firstThread().byType('TYPE_SMS');
		const refused = await run({ resource: 'message', operation: 'cancelScheduled', messageId: sent.id }, { continueOnFail: true });
		expect(refused.out[0].error).toMatch(/not scheduled/);
	});

	opTest('cancel-scheduled-email-message', 'cancels a scheduled email by its email message ID', async () => {
		const scheduled = records().messages.find((message) => message.status === 'scheduled' && message.messageType === 'TYPE_EMAIL')!;
		const result = await run({ resource: 'message', operation: 'cancelScheduledEmail', emailMessageId: scheduled.emailMessageId });
		expectRequest(only(result, 'cancel-scheduled-email-message'), { method: 'DELETE', path: `/conversations/messages/email/${String(scheduled.emailMessageId)}/schedule`, version: VERSION });
		expect(records().messages.map((message) => message.id)).not.toContain(scheduled.id);
	});

	opTest('update-message-status', 'reports a failed delivery with the provider’s error', async () => {
		const sms = firstThread().byType('TYPE_SMS');
		const result = await run({ resource: 'message', operation: 'updateStatus', messageId: sms.id, status: 'failed', additionalFields: { errorCode: '30003', errorMessage: 'Unreachable handset' } });
		expectRequest(only(result, 'update-message-status'), {
			method: 'PUT',
			path: `/conversations/messages/${String(sms.id)}/status`,
			version: VERSION,
			body: { status: 'failed', error: { code: '30003', type: 'provider', message: 'Unreachable handset' } },
		});
		expect(await get(`/conversations/messages/${String(sms.id)}`)).toMatchObject({ status: 'failed' });
	});

	opTest('add-message-attachments', 'replaces a call’s attachments; six URLs are refused before any request', async () => {
		const call = firstThread().byType('TYPE_CALL');
		const urls = ['https://example.com/a.wav', 'https://example.com/b.wav'];
		const result = await run({ resource: 'message', operation: 'setAttachments', messageId: call.id, attachments: urls.join(', ') });
		expectRequest(only(result, 'add-message-attachments'), { method: 'PUT', path: `/conversations/messages/${String(call.id)}/attachments`, version: VERSION, body: { attachments: urls } });
		expect(await get(`/conversations/messages/${String(call.id)}`)).toMatchObject({ attachments: urls });

		const six = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}.wav`).join(',');
		const refused = await run({ resource: 'message', operation: 'setAttachments', messageId: call.id, attachments: six }, { continueOnFail: true });
		expect(refused.out[0].error).toBe('Attachment URLs: expected 1 to 5 URLs, got 6');
		expect(refused.requests).toEqual([]);
	});

	opTest('initiate-file-upload', 'asks for a signed upload URL', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'message', operation: 'initiateUpload', conversationId: conversation.id, filename: 'video.mp4', contentType: 'video/mp4', channel: 'WHATSAPP', fileSize: 50_000_000 });
		expectRequest(only(result, 'initiate-file-upload'), {
			method: 'POST',
			path: '/conversations/messages/upload/initiate',
			version: VERSION,
			status: 200,
			body: { locationId: locationId(), conversationId: conversation.id, filename: 'video.mp4', contentType: 'video/mp4', channel: 'WHATSAPP', fileSize: 50_000_000 },
		});
		expect(result.out[0]).toMatchObject({ uploadUrl: expect.stringMatching(/^https:/), uploadId: expect.any(String), filePath: expect.stringContaining('video.mp4') });
	});

	opTest('complete-file-upload', 'completes an upload begun with Initiate Upload and returns the file URL', async () => {
		const { conversation } = firstThread();
		const begun = await run({ resource: 'message', operation: 'initiateUpload', conversationId: conversation.id, filename: 'menu.pdf', contentType: 'application/pdf', channel: 'SMS' });
		const { uploadId, filePath } = begun.out[0] as { uploadId: string; filePath: string };
		const result = await run({ resource: 'message', operation: 'completeUpload', conversationId: conversation.id, uploadId, filePath, filename: 'menu.pdf' });
		expectRequest(only(result, 'complete-file-upload'), {
			method: 'POST',
			path: '/conversations/messages/upload/complete',
			version: VERSION,
			status: 200,
			body: { uploadId, filePath, locationId: locationId(), conversationId: conversation.id, filename: 'menu.pdf' },
		});
		expect(result.out[0]).toMatchObject({ uploadedFiles: { 'menu.pdf': expect.stringContaining(filePath) } });
	});

	opTest('get-message-recording', 'downloads a call recording as binary data (WAV)', async () => {
		const call = firstThread().byType('TYPE_CALL');
		const result = await run({ resource: 'message', operation: 'getRecording', messageId: call.id, binaryPropertyName: 'recording' });
		expectRequest(only(result, 'get-message-recording'), { method: 'GET', path: `/conversations/messages/${String(call.id)}/locations/${locationId()}/recording`, version: VERSION });
		const binary = result.items[0].binary!.recording;
		expect(binary).toMatchObject({ mimeType: 'audio/x-wav', fileName: `${String(call.id)}.wav` });
		const bytes = Buffer.from(binary.data, 'base64');
		expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
		expect(result.out[0]).toEqual({ messageId: call.id, mimeType: 'audio/x-wav', fileSize: bytes.length });
	});

	test('Get Recording of a message without one fails with GHL’s reason', async () => {
		const sms = firstThread().byType('TYPE_SMS');
		const result = await run({ resource: 'message', operation: 'getRecording', messageId: sms.id }, { continueOnFail: true });
		expect(result.out[0].error).toMatch(/404|not found/i);
		expect(JSON.stringify(result.out[0])).toMatch(/No recording found/);
	});

	opTest('get-message-transcription', 'reads a call transcription, one item per sentence', async () => {
		const call = firstThread().byType('TYPE_CALL');
		const result = await run({ resource: 'message', operation: 'getTranscription', messageId: call.id });
		expectRequest(only(result, 'get-message-transcription'), { method: 'GET', path: `/conversations/locations/${locationId()}/messages/${String(call.id)}/transcription`, version: VERSION });
		expect(result.out.length).toBeGreaterThanOrEqual(1);
		expect(result.out[0]).toMatchObject({ messageId: call.id, sentenceIndex: 0, transcript: expect.any(String) });
	});

	opTest('download-message-transcription', 'downloads a call transcription as a text file', async () => {
		const call = firstThread().byType('TYPE_CALL');
		const result = await run({ resource: 'message', operation: 'downloadTranscription', messageId: call.id });
		expectRequest(only(result, 'download-message-transcription'), {
			method: 'GET',
			path: `/conversations/locations/${locationId()}/messages/${String(call.id)}/transcription/download`,
			version: VERSION,
		});
		const binary = result.items[0].binary!.data;
		expect(binary).toMatchObject({ mimeType: 'text/plain', fileName: `transcription-${String(call.id)}.txt` });
		expect(Buffer.from(binary.data, 'base64').toString()).toContain(String(call.id));
	});

	opTest('live-chat-agent-typing', 'shows the typing indicator to a live chat visitor', async () => {
		const { conversation } = firstThread();
		const result = await run({ resource: 'message', operation: 'sendTypingIndicator', conversationId: conversation.id, visitorId: 'visitor-9', isTyping: false });
		expectRequest(only(result, 'live-chat-agent-typing'), {
			method: 'POST',
			path: '/conversations/providers/live-chat/typing',
			version: VERSION,
			body: { locationId: locationId(), conversationId: conversation.id, visitorId: 'visitor-9', isTyping: 'false' },
		});
		expect(result.out[0]).toMatchObject({ success: true });
	});
});

describe('Subscription Type', () => {
	opTest('create-custom-subtype', 'adds a subscription type; a name over 100 characters is refused before any request', async () => {
		const result = await run({ resource: 'customSubtype', operation: 'create', name: 'Webinars', channel: 'email', language: 'en', description: 'Invitations' });
		expectRequest(only(result, 'create-custom-subtype'), {
			method: 'POST',
			path: '/conversations/preferences/custom-subtypes',
			version: VERSION,
			body: { name: 'Webinars', channel: 'email', language: 'en', description: 'Invitations' },
			query: { locationId: locationId() },
		});
		expect(records().subtypes.map((subtype) => subtype.name)).toContain('Webinars');
		const long = await run({ resource: 'customSubtype', operation: 'create', name: 'x'.repeat(101), channel: 'sms', language: 'en' }, { continueOnFail: true });
		expect(long.out[0].error).toBe('Name: expected at most 100 characters, got 101');
		expect(long.requests).toEqual([]);
	});

	opTest('get-all-custom-subtypes', 'lists the location’s subscription types', async () => {
		const result = await run({ resource: 'customSubtype', operation: 'getAll' });
		expectRequest(only(result, 'get-all-custom-subtypes'), { method: 'GET', path: '/conversations/preferences/custom-subtypes', version: VERSION, query: { locationId: locationId() } });
		expect(result.out).toEqual([expect.objectContaining({ name: 'Newsletter', channel: 'email' })]);
	});

	opTest('update-custom-subtype', 'archives a subscription type', async () => {
		const subtype = records().subtypes[0];
		const result = await run({ resource: 'customSubtype', operation: 'update', subtypeId: subtype.id, updateFields: { archived: true, description: 'Old news' } });
		expectRequest(only(result, 'update-custom-subtype'), {
			method: 'PUT',
			path: `/conversations/preferences/custom-subtypes/${String(subtype.id)}`,
			version: VERSION,
			body: { description: 'Old news', archived: true },
			query: { locationId: locationId() },
		});
		expect(records().subtypes[0]).toMatchObject({ archived: true, description: 'Old news' });
	});
});

describe('Subscription', () => {
	opTest('user-subscription-change', 'unsubscribes an address from a custom type, and Get Status shows it', async () => {
		const { contact } = firstThread();
		const subtype = records().subtypes[0];
		const result = await run({
			resource: 'subscription',
			operation: 'change',
			contactId: byId(contact.id),
			email: contact.email,
			actionType: 'custom',
			subtypeId: subtype.id,
			subtypeStatus: 'unsubscribed',
			additionalFields: { legal_reason: 'Asked by email' },
		});
		expectRequest(only(result, 'user-subscription-change'), {
			method: 'POST',
			path: '/conversations/preferences/unsubscriptions/user-change',
			version: VERSION,
			status: 200,
			body: {
				locationId: locationId(),
				email: contact.email,
				subscription_action: { type: 'custom', subtype_id: subtype.id, subtype_status: 'unsubscribed' },
				legal_reason: 'Asked by email',
				contactId: contact.id,
			},
		});
		const status = await run({ resource: 'subscription', operation: 'getStatus', contactId: byId(contact.id) });
		expect(status.out[0]).toMatchObject({ subscriptions: [expect.objectContaining({ email: String(contact.email).toLowerCase(), subtype: subtype.id, status: 'unsubscribed' })] });
	});

	opTest('get-contact-unsubscription-status', 'reads one address’s subscription status', async () => {
		const { contact } = firstThread();
		const result = await run({ resource: 'subscription', operation: 'getStatus', contactId: byId(contact.id), email: contact.email });
		expectRequest(only(result, 'get-contact-unsubscription-status'), {
			method: 'GET',
			path: '/conversations/preferences/unsubscriptions/status',
			version: VERSION,
			query: { locationId: locationId(), contactId: contact.id, email: contact.email },
		});
		expect(result.out[0]).toMatchObject({ contactId: contact.id, subscriptions: [] });
	});
});
