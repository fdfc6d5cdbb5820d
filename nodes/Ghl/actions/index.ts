import type { Resource } from './types';
import { contact } from './contact';

/** Every resource of the node; the node's description and the router are both built from this list. */
export const resourceList: Resource[] = [contact];

export const resources: Record<string, Resource> = Object.fromEntries(
	resourceList.map((resource) => [resource.value, resource]),
);
