/** Invariants of the node's description that n8n users (and n8n's own nodes) rely on. Cheap: no HTTP. */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { resourceList } from '../../nodes/Ghl/actions';
import { Ghl } from '../../nodes/Ghl/Ghl.node';

const node = new Ghl();
const operations = resourceList.flatMap((resource) =>
	Object.values(resource.operations).map((module) => ({ resource, module, key: `${resource.value}.${module.meta.value}` })),
);

/** Every property, including those nested in collections and fixed collections. */
function walk(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return walk((option as INodePropertyCollection).values);
			if ('displayName' in option && 'type' in option) return walk([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

describe('node description', () => {
	test('resources and each resource’s operations are listed alphabetically with unique values', () => {
		const resourceProperty = node.description.properties.find((property) => property.name === 'resource')!;
		const resourceNames = (resourceProperty.options as INodePropertyOptions[]).map((option) => option.name);
		expect(resourceNames).toEqual(sorted(resourceNames));
		for (const resource of resourceList) {
			const operationProperty = resource.properties.find((property) => property.name === 'operation')!;
			const options = operationProperty.options as INodePropertyOptions[];
			expect(options.map((option) => option.name)).toEqual(sorted(options.map((option) => option.name)));
			expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
		}
	});

	test.each(operations.map(({ key, module }) => [key, module.meta] as const))(
		'%s has an action sentence, a description and n8n’s Get Many naming',
		(_key, meta) => {
			expect(meta.action).toMatch(/^[A-Z][a-z]+( [a-z(][a-z()-]*)*$/);
			expect(meta.description.length).toBeGreaterThan(10);
			expect(meta.description).not.toBe(meta.name);
			if (meta.value === 'getAll') {
				expect(meta.name).toBe('Get Many');
			}
			if (meta.name.startsWith('Get Many')) expect(meta.action).toMatch(/^Get many /);
		},
	);

	test.each(operations.map(({ key, module }) => [key, module.properties] as const))(
		'%s: options and collection fields are sorted, dynamic lists have a loader',
		(_key, properties) => {
			for (const property of walk(properties)) {
				if (property.type === 'options' || property.type === 'multiOptions') {
					const names = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.name);
					expect(names).toEqual(sorted(names));
					const loader = property.typeOptions?.loadOptionsMethod;
					if (loader) {
						expect(Object.keys(node.methods.loadOptions)).toContain(loader);
						expect(property.displayName).toMatch(/(Name or ID|Names or IDs)$/);
					}
				}
				if (property.type === 'collection') {
					const names = ((property.options ?? []) as INodeProperties[]).map((option) => option.displayName);
					expect(names).toEqual(sorted(names));
				}
				const search = property.modes?.find((mode) => mode.typeOptions?.searchListMethod)?.typeOptions?.searchListMethod;
				if (search) expect(Object.keys(node.methods.listSearch)).toContain(search);
			}
		},
	);

	test('every contact-scoped operation takes the contact as a locator (list, ID, email, phone)', () => {
		const scoped = operations.filter(({ module }) => module.properties.some((property) => property.name === 'contactId'));
		expect(scoped.length).toBeGreaterThan(20);
		for (const { module } of scoped) {
			const locator = module.properties.find((property) => property.name === 'contactId')!;
			expect(locator.type).toBe('resourceLocator');
			expect(locator.modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'email', 'phone']);
		}
	});

	test('every operation’s fields show only for that resource and operation', () => {
		for (const resource of resourceList) {
			for (const property of resource.properties.filter((candidate) => candidate.name !== 'operation')) {
				expect(property.displayOptions?.show?.resource).toEqual([resource.value]);
				expect(property.displayOptions?.show?.operation).toHaveLength(1);
			}
		}
	});

	test('Get Many operations share Return All and Limit', () => {
		const getMany = operations.filter(({ module }) => module.meta.name.startsWith('Get Many') || module.meta.value === 'list');
		// Not a fixed count, so a new Get Many needs no edit here; the filter must still find them.
		expect(getMany.length).toBeGreaterThan(5);
		for (const { module } of getMany) {
			const names = module.properties.map((property) => property.name);
			expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
	});
});
