/**
 * The console page of the sandbox (and of the partner simulators): one self-contained HTML page,
 * no framework, that reads the console's JSON routes and shows them as searchable tables,
 * newest first, refreshed every few seconds. What it shows is described by a `ConsoleLayout`, so
 * the GHL sandbox and the partner simulators share this renderer.
 *
 * Elements carry `data-test-id`s (the attribute n8n's UI tests and ours select by).
 */

export interface ConsoleColumn {
	/** Dotted path into the row (`appointment.title`); arrays are joined. */
	key: string;
	label: string;
	format?: 'time' | 'status' | 'text';
}

export interface ConsoleTable {
	id: string;
	title: string;
	/** JSON route answering an array of rows, newest first. */
	source: string;
	columns: ConsoleColumn[];
	/** Add `?location=<selected location>` to the source. */
	perLocation?: boolean;
	/** One line under the title. */
	hint?: string;
}

export interface ConsoleLayout {
	title: string;
	intro: string;
	/** JSON route answering `[{id, name}]`: a location picker is shown when set. */
	locationsSource?: string;
	tables: ConsoleTable[];
	/** The signed test event form (GHL sandbox only). */
	sendEvent?: { action: string; typesSource: string };
	/** Other pages worth a link (e.g. the partner console). */
	links?: Array<{ label: string; href: string }>;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;background:#f4f5f8}
header{background:#1f2430;color:#fff;padding:14px 24px;display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center}
header h1{font-size:19px;margin:0}
header p{margin:0;color:#c9cedb;flex:1 1 420px}
header a{color:#9fc3ff}
.bar{display:flex;gap:10px;align-items:center}
select,input,textarea,button{font:inherit}
select,input[type=search],input[type=url],input[type=text],textarea{padding:5px 8px;border:1px solid #b9bfcc;border-radius:4px;background:#fff}
button{padding:5px 12px;border:0;border-radius:4px;background:#ff6d5a;color:#fff;cursor:pointer}
button.plain{background:#5b6375}
nav{padding:8px 24px;background:#e3e6ee;display:flex;flex-wrap:wrap;gap:6px 16px}
nav a{color:#1f2430;text-decoration:none}
nav a b{color:#ff6d5a}
main{padding:8px 24px 40px}
section{background:#fff;border:1px solid #dde1ea;border-radius:6px;margin:14px 0;padding:10px 14px}
section h2{font-size:16px;margin:0;display:flex;gap:10px;align-items:center}
section h2 .count{font-weight:normal;color:#5b6375;font-size:13px}
section h2 input{margin-left:auto;width:320px}
.hint{color:#5b6375;margin:2px 0 6px;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;color:#5b6375;font-weight:600;border-bottom:1px solid #dde1ea;padding:4px 6px}
td{border-bottom:1px solid #eef0f4;padding:4px 6px;vertical-align:top;max-width:420px;overflow-wrap:anywhere;white-space:pre-line}
td details summary{cursor:pointer;color:#3b6fd8}
td pre{white-space:pre-wrap;margin:4px 0;max-height:320px;overflow:auto;background:#f7f8fa;padding:6px}
.empty{color:#8a91a3;padding:6px}
.st{display:inline-block;min-width:34px;text-align:center;border-radius:3px;padding:0 4px;color:#fff;font-weight:600}
.st.ok{background:#2e9e5b}.st.warn{background:#d9822b}.st.bad{background:#d13c3c}.st.none{background:#8a91a3}
form.send{display:grid;grid-template-columns:140px 1fr;gap:6px 12px;align-items:start;max-width:980px}
form.send textarea{min-height:70px;font-family:ui-monospace,monospace;font-size:12px}
#event-result{grid-column:2;white-space:pre-wrap}
`;

/** Runs in the browser: renders the layout, polls the sources. Only textContent is set from data. */
const SCRIPT = `
const layout = JSON.parse(document.getElementById('layout').textContent);
const state = { location: '', open: new Set(), filters: {}, rows: {} };
const $ = (tag, attrs, text) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
};
function pick(row, path) {
  let value = row;
  for (const part of path.split('.')) value = value == null ? undefined : value[part];
  return value;
}
function show(value, format) {
  if (value === undefined || value === null || value === '') return '';
  if (format === 'time') {
    // Epoch seconds or ms (DPD sends seconds as text); partners' "YYYY-MM-DD HH:MM:SS" is UTC.
    let at = typeof value === 'string' && /^\\d+$/.test(value) ? Number(value) : value;
    if (typeof at === 'number' && at < 1e12) at *= 1000;
    if (typeof at === 'string' && /^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$/.test(at)) at = at.replace(' ', 'T') + 'Z';
    const date = new Date(at);
    return isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
function statusCell(value) {
  const n = Number(value);
  const kind = !n ? 'none' : n < 300 ? 'ok' : n < 500 ? 'warn' : 'bad';
  return $('span', { class: 'st ' + kind }, n ? String(n) : 'none');
}
function sourceUrl(table) {
  if (!table.perLocation || !state.location) return table.source;
  return table.source + (table.source.includes('?') ? '&' : '?') + 'location=' + encodeURIComponent(state.location);
}
function render(table) {
  const rows = state.rows[table.id] || [];
  const filter = (state.filters[table.id] || '').toLowerCase();
  const shown = filter ? rows.filter((r) => JSON.stringify(r).toLowerCase().includes(filter)) : rows;
  const body = document.getElementById('rows-' + table.id);
  body.replaceChildren();
  document.getElementById('count-' + table.id).textContent =
    shown.length === rows.length ? rows.length + ' record(s)' : shown.length + ' of ' + rows.length;
  if (!shown.length) {
    const tr = $('tr');
    tr.append($('td', { colspan: String(table.columns.length + 1), class: 'empty' }, filter ? 'Nothing matches.' : 'Nothing yet.'));
    body.append(tr);
    return;
  }
  for (const [index, row] of shown.entries()) {
    const key = table.id + ':' + (row.id ?? row.Id ?? row.ProspectID ?? row.webhookId ?? row.at ?? index);
    const tr = $('tr', { 'data-test-id': 'row-' + table.id });
    for (const column of table.columns) {
      const td = $('td');
      const value = pick(row, column.key);
      if (column.format === 'status') td.append(statusCell(value));
      else td.textContent = show(value, column.format);
      tr.append(td);
    }
    const details = $('details');
    if (state.open.has(key)) details.open = true;
    details.addEventListener('toggle', () => (details.open ? state.open.add(key) : state.open.delete(key)));
    details.append($('summary', {}, 'all fields'), $('pre', {}, JSON.stringify(row, null, 2)));
    const td = $('td');
    td.append(details);
    tr.append(td);
    body.append(tr);
  }
}
async function load(table) {
  try {
    const res = await fetch(sourceUrl(table));
    state.rows[table.id] = res.ok ? await res.json() : [];
  } catch {
    state.rows[table.id] = [];
  }
  render(table);
}
async function loadLocations() {
  if (!layout.locationsSource) return;
  const select = document.getElementById('location');
  const locations = await (await fetch(layout.locationsSource)).json();
  if (!state.location && locations.length) state.location = locations[0].id;
  select.replaceChildren(...locations.map((l) => {
    const option = $('option', { value: l.id }, l.name + ' (' + l.id + ')');
    if (l.id === state.location) option.selected = true;
    return option;
  }));
}
async function refresh() {
  await loadLocations();
  await Promise.all(layout.tables.map(load));
  document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}
function build() {
  document.title = layout.title;
  const header = $('header');
  header.append($('h1', {}, layout.title), $('p', {}, layout.intro));
  const bar = $('div', { class: 'bar' });
  if (layout.locationsSource) {
    const select = $('select', { id: 'location', 'data-test-id': 'location' });
    select.addEventListener('change', () => { state.location = select.value; void refresh(); });
    bar.append($('label', { for: 'location' }, 'Location'), select);
  }
  const button = $('button', { type: 'button', class: 'plain', 'data-test-id': 'refresh' }, 'Refresh');
  button.addEventListener('click', () => void refresh());
  const auto = $('input', { type: 'checkbox', id: 'auto', checked: '' });
  bar.append(button, auto, $('label', { for: 'auto' }, 'auto'), $('span', { id: 'updated', class: 'hint' }));
  header.append(bar);
  for (const link of layout.links || []) header.append($('a', { href: link.href }, link.label));
  const nav = $('nav');
  const main = $('main');
  for (const table of layout.tables) {
    const a = $('a', { href: '#' + table.id });
    a.append(document.createTextNode(table.title + ' '));
    nav.append(a);
    const section = $('section', { id: table.id, 'data-test-id': 'section-' + table.id });
    const h2 = $('h2', {}, table.title);
    h2.append($('span', { class: 'count', id: 'count-' + table.id }));
    const search = $('input', { type: 'search', placeholder: 'Search ' + table.title.toLowerCase(), 'data-test-id': 'search-' + table.id });
    search.addEventListener('input', () => { state.filters[table.id] = search.value; render(table); });
    h2.append(search);
    section.append(h2);
    if (table.hint) section.append($('p', { class: 'hint' }, table.hint));
    const t = $('table', { 'data-test-id': 'table-' + table.id });
    const head = $('tr');
    for (const column of table.columns) head.append($('th', {}, column.label));
    head.append($('th', {}, ''));
    const thead = $('thead');
    thead.append(head);
    t.append(thead, $('tbody', { id: 'rows-' + table.id }));
    section.append(t);
    main.append(section);
  }
  if (layout.sendEvent) main.append(sendForm(layout.sendEvent));
  document.body.append(header, nav, main);
}
function sendForm(config) {
  const section = $('section', { id: 'send-event', 'data-test-id': 'section-send-event' });
  section.append($('h2', {}, 'Send a signed test event'));
  section.append($('p', { class: 'hint' }, 'Signed like GHL signs its webhooks (x-ghl-signature Ed25519, x-wh-signature RSA). Paste the Production URL of an active HighLevel Trigger (or its Test URL while it listens). The event is built from the chosen record of the selected location; JSON fields are merged over it.'));
  const form = $('form', { class: 'send', 'data-test-id': 'send-event' });
  const url = $('input', { type: 'url', required: '', placeholder: 'http://localhost:5678/webhook/<id>/webhook', 'data-test-id': 'event-url' });
  const type = $('select', { 'data-test-id': 'event-type' });
  const record = $('input', { type: 'text', placeholder: 'newest of its kind in the location', 'data-test-id': 'event-record' });
  const payload = $('textarea', { placeholder: '{"tags": ["vip"]}', 'data-test-id': 'event-payload' });
  const signature = $('select', { 'data-test-id': 'event-signature' });
  for (const mode of ['both', 'ed25519', 'rsa', 'none', 'forged']) signature.append($('option', { value: mode }, mode === 'both' ? 'Ed25519 + RSA (as GHL)' : mode));
  const result = $('div', { id: 'event-result', 'data-test-id': 'event-result' });
  const send = $('button', { type: 'submit', 'data-test-id': 'event-send' }, 'Send event');
  for (const [label, input] of [['Trigger URL', url], ['Event type', type], ['Record id', record], ['Extra JSON', payload], ['Signature', signature]]) {
    form.append($('label', {}, label), input);
  }
  form.append($('span'), send, result);
  fetch(config.typesSource).then((r) => r.json()).then((types) => {
    type.replaceChildren(...types.map((t) => $('option', { value: t.type }, t.type + (t.kind ? ' (from ' + t.kind + ')' : ''))));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = 'sending…';
    let extra;
    try {
      extra = payload.value.trim() ? JSON.parse(payload.value) : undefined;
    } catch (err) {
      result.textContent = 'Extra JSON is not JSON: ' + err.message;
      return;
    }
    const res = await fetch(config.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: url.value, type: type.value, locationId: state.location || undefined, recordId: record.value.trim() || undefined, payload: extra, signature: signature.value }),
    });
    const answer = await res.json();
    result.textContent = res.ok
      ? 'Delivered ' + answer.eventType + ' (webhookId ' + answer.webhookId + '): the trigger answered ' + (answer.status || 'nothing') + (answer.error ? ' (' + answer.error + ')' : '') + (answer.body ? ' ' + answer.body.slice(0, 200) : '')
      : 'Not sent: ' + answer.message;
    void refresh();
  });
  section.append(form);
  return section;
}
build();
void refresh();
setInterval(() => { if (document.getElementById('auto').checked) void refresh(); }, 3000);
`;

/** `<` escaped so no data in the layout can close the script element. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function consoleHtml(layout: ConsoleLayout): string {
	return [
		'<!doctype html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${layout.title.replace(/[<>&]/g, '')}</title>`,
		`<style>${STYLE}</style></head><body>`,
		`<script type="application/json" id="layout">${scriptJson(layout)}</script>`,
		`<script>${SCRIPT}</script>`,
		'</body></html>',
	].join('\n');
}
