import * as fs from 'fs';
import { TRIGGERS_DOC_FILE } from '../../scripts/catalogue/triggers';
import { EVENT_OPTIONS } from '../../nodes/GhlTrigger/events';
import { pollingProperties } from '../../nodes/GhlPollingTrigger/description';

describe('docs/triggers.md event reference', () => {
	// That the block is current is checked with the other generated files (test/catalogue.test.ts).
	test('lists every webhook and polling event, and where Fetch Full Record reads opportunities, users and locations', () => {
		const doc = fs.readFileSync(TRIGGERS_DOC_FILE, 'utf8');
		const polling = pollingProperties.find((property) => property.name === 'event')!.options!;
		for (const option of [...EVENT_OPTIONS.slice(1), ...polling]) expect(doc).toContain(`| ${option.name} | \`${String((option as { value: string }).value)}\` |`);
		const row = (type: string) => doc.split('\n').find((line) => line.includes(`| \`${type}\` |`)) ?? '';
		expect(row('OpportunityStageUpdate')).toMatch(/\| `GET \/opportunities\/\{id\}` \(`opportunity`\) \| `opportunities.readonly` \|$/);
		expect(row('UserUpdate')).toMatch(/\| `GET \/users\/\{userId\}` \| `users.readonly` \|$/);
		expect(row('LocationUpdate')).toMatch(/\| `GET \/locations\/\{locationId\}` \(`location`\) \| `locations.readonly` \|$/);
		expect(row('OpportunityDelete')).toMatch(/\| no \| – \|$/);
		expect(row('taskChanged')).toMatch(/`POST \/locations\/\{locationId\}\/tasks\/search` \| `locations\/tasks.readonly` \|$/);
	});
});
