import type { Resource } from './types';
import { appointment } from './appointment';
import { business } from './business';
import { campaign } from './campaign';
import { contact } from './contact';
import { follower } from './follower';
import { note } from './note';
import { opportunity } from './opportunity';
import { pipeline } from './pipeline';
import { tag } from './tag';
import { task } from './task';
import { workflow } from './workflow';

/** Every resource of the node; the node's description and the router are both built from this list. */
export const resourceList: Resource[] = [appointment, business, campaign, contact, follower, note, opportunity, pipeline, tag, task, workflow];

export const resources: Record<string, Resource> = Object.fromEntries(
	resourceList.map((resource) => [resource.value, resource]),
);
