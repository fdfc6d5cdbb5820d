import type { INodeProperties } from 'n8n-workflow';
import { pagingProperties } from './paging';

/** Filters of GHL's form and survey submission lists (GET /forms/submissions, /surveys/submissions). */
export function submissionProperties(kind: 'Form' | 'Survey'): INodeProperties[] {
	const owner = kind === 'Form' ? 'formId' : 'surveyId';
	return [
		...pagingProperties,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: `${kind} Name or ID`,
					name: owner,
					type: 'options',
					typeOptions: { loadOptionsMethod: kind === 'Form' ? 'getForms' : 'getSurveys' },
					default: '',
					description: `Only submissions of this ${kind.toLowerCase()}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
				},
				{ displayName: 'Query', name: 'q', type: 'string', default: '', description: 'Contact ID, name, email or phone of the submitter' },
				{
					displayName: 'Submitted From',
					name: 'startAt',
					type: 'dateTime',
					default: '',
					description: 'First day of submissions to list (the date as written; GHL compares whole days). Without it GHL lists from the same day last month.',
				},
				{
					displayName: 'Submitted To',
					name: 'endAt',
					type: 'dateTime',
					default: '',
					description: 'Last day of submissions to list (the date as written). Without it GHL lists up to today.',
				},
			].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
		},
	];
}
