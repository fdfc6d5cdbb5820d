/** Tasks and notes of a contact (apps/contacts.json). */
import { errors } from '../http';
import { toNote, toTask, type NoteRecord, type TaskRecord } from '../store';
import { noteEvent, taskEvent } from '../webhooks';
import { getContact, nowIso } from './common';
import type { Handler, HandlerContext } from './context';

const byDateAdded = (a: { dateAdded: string }, b: { dateAdded: string }) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded);

/** The records of `records` that belong to the path's contact (404 when the contact is not in the location). */
function recordsOfContact<T extends { contactId: string }>(ctx: HandlerContext, records: Map<string, T>): T[] {
	const contact = getContact(ctx, ctx.params.contactId);
	return [...records.values()].filter((record) => record.contactId === contact.id);
}

/** One record of the path's contact; GHL answers 400 "<What> not found" for an id of another contact. */
function recordOfContact<T extends { contactId: string }>(ctx: HandlerContext, records: Map<string, T>, id: string, what: string): T {
	const contact = getContact(ctx, ctx.params.contactId);
	const record = records.get(id);
	if (!record || record.contactId !== contact.id) throw errors.badRequest(`${what} not found`);
	return record;
}

const getTask = (ctx: HandlerContext): TaskRecord => recordOfContact(ctx, ctx.state.store.tasks, ctx.params.taskId, 'Task');
const getNote = (ctx: HandlerContext): NoteRecord => recordOfContact(ctx, ctx.state.store.notes, ctx.params.id, 'Note');

/** TaskComplete fires when a task goes from open to completed; there is no TaskUpdate event. */
function setCompleted(ctx: HandlerContext, task: TaskRecord, completed: boolean): void {
	const wasCompleted = task.completed;
	task.completed = completed;
	if (completed && !wasCompleted) ctx.state.webhooks.emit(taskEvent('TaskComplete', task));
}

export const taskHandlers: Record<string, Handler> = {
	'get-all-tasks': (ctx) => {
		const tasks = recordsOfContact(ctx, ctx.state.store.tasks).sort(byDateAdded);
		return { status: 200, body: { tasks: tasks.map(toTask) } };
	},
	'get-task': (ctx) => ({ status: 200, body: { task: toTask(getTask(ctx)) } }),
	'create-task': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const { title, body, dueDate, completed, assignedTo } = ctx.body;
		const time = nowIso();
		const task: TaskRecord = {
			id: ctx.state.store.newId(),
			contactId: contact.id,
			locationId: contact.locationId,
			title,
			body,
			dueDate: new Date(dueDate).toISOString(),
			completed,
			assignedTo,
			dateAdded: time,
			dateUpdated: time,
		};
		ctx.state.store.tasks.set(task.id, task);
		ctx.state.webhooks.emit(taskEvent('TaskCreate', task));
		return { status: 201, body: { task: toTask(task) } };
	},
	'update-task': (ctx) => {
		const task = getTask(ctx);
		const { title, body, dueDate, completed, assignedTo } = ctx.body;
		if (title !== undefined) task.title = title;
		if (body !== undefined) task.body = body;
		if (dueDate !== undefined) task.dueDate = new Date(dueDate).toISOString();
		if (assignedTo !== undefined) task.assignedTo = assignedTo;
		if (completed !== undefined) setCompleted(ctx, task, completed);
		task.dateUpdated = nowIso();
		return { status: 200, body: { task: toTask(task) } };
	},
	'update-task-completed': (ctx) => {
		const task = getTask(ctx);
		setCompleted(ctx, task, ctx.body.completed);
		task.dateUpdated = nowIso();
		return { status: 200, body: { task: toTask(task) } };
	},
	'delete-task': (ctx) => {
		const task = getTask(ctx);
		ctx.state.store.tasks.delete(task.id);
		ctx.state.webhooks.emit(taskEvent('TaskDelete', task));
		return { status: 200, body: { succeded: true } };
	},
};

export const noteHandlers: Record<string, Handler> = {
	'get-all-notes': (ctx) => {
		const notes = recordsOfContact(ctx, ctx.state.store.notes).sort((a, b) => byDateAdded(b, a));
		return { status: 200, body: { notes: notes.map(toNote) } };
	},
	'get-note': (ctx) => ({ status: 200, body: { note: toNote(getNote(ctx)) } }),
	'create-note': (ctx) => {
		const contact = getContact(ctx, ctx.params.contactId);
		const { body, userId, title, color, pinned } = ctx.body;
		const time = nowIso();
		const note: NoteRecord = {
			id: ctx.state.store.newId(),
			contactId: contact.id,
			locationId: contact.locationId,
			body,
			userId,
			title,
			color,
			pinned,
			dateAdded: time,
			dateUpdated: time,
		};
		ctx.state.store.notes.set(note.id, note);
		ctx.state.webhooks.emit(noteEvent('NoteCreate', note));
		return { status: 201, body: { note: toNote(note) } };
	},
	'update-note': (ctx) => {
		const note = getNote(ctx);
		for (const key of ['body', 'userId', 'title', 'color', 'pinned'] as const) {
			if (ctx.body[key] !== undefined) (note as unknown as Record<string, unknown>)[key] = ctx.body[key];
		}
		note.dateUpdated = nowIso();
		ctx.state.webhooks.emit(noteEvent('NoteUpdate', note));
		return { status: 200, body: { note: toNote(note) } };
	},
	'delete-note': (ctx) => {
		const note = getNote(ctx);
		ctx.state.store.notes.delete(note.id);
		ctx.state.webhooks.emit(noteEvent('NoteDelete', note));
		return { status: 200, body: { succeded: true } };
	},
};
