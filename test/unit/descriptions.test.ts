/**
 * Every node's description, checked the way n8n reads it: a display rule (`displayOptions.show`
 * or `hide`) may only name a parameter the node has. n8n-workflow 1.x loops on a rule naming a
 * missing one ("Could not resolve parameter dependencies. Max iterations reached!"), which made
 * the HeyGen Trigger unusable there.
 */
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeTypeMap } from '../harness/types';

function packageNodes(): INodeTypeDescription[] {
	const seen = new Set<string>();
	const descriptions: INodeTypeDescription[] = [];
	for (const type of nodeTypeMap().values()) {
		const description = (type as INodeType).description;
		if (seen.has(description.name)) continue;
		seen.add(description.name);
		descriptions.push(description);
	}
	return descriptions;
}

/** Where a rule names parameters that are not among `names` (siblings at the same level). */
function strayReferences(
	properties: INodeProperties[],
	names: Set<string>,
	where: string,
): string[] {
	const problems: string[] = [];
	for (const property of properties) {
		for (const kind of ['show', 'hide'] as const) {
			for (const key of Object.keys(property.displayOptions?.[kind] ?? {})) {
				// `@version` and `@tool` are n8n's own conditions, not parameters.
				if (key.startsWith('@')) continue;
				// A path into another parameter (`/name`) is read from the top level.
				const name = key.replace(/^\//, '');
				if (!names.has(name))
					problems.push(
						`${where} → ${property.name}: ${kind} names "${key}", which this node does not have`,
					);
			}
		}
	}
	return problems;
}

describe.each(packageNodes().map((description) => [description.displayName, description] as const))(
	'%s',
	(_name, description) => {
		it('has display rules that name only its own parameters', () => {
			const topLevel = new Set(description.properties.map((property) => property.name));
			expect(strayReferences(description.properties, topLevel, description.name)).toEqual([]);
		});

		it('has a credential rule for each credential that names only its own parameters', () => {
			const topLevel = new Set(description.properties.map((property) => property.name));
			const problems = (description.credentials ?? []).flatMap((credential) =>
				Object.keys({
					...(credential.displayOptions?.show ?? {}),
					...(credential.displayOptions?.hide ?? {}),
				})
					.filter((key) => !key.startsWith('@') && !topLevel.has(key))
					.map((key) => `credential ${credential.name} names "${key}"`),
			);
			expect(problems).toEqual([]);
		});
	},
);

test('a rule naming a missing parameter is found (the check can fail)', () => {
	const properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [],
			default: '',
			displayOptions: { hide: { resource: ['x'] } },
		},
	];
	expect(strayReferences(properties, new Set(['authentication']), 'trigger')).toEqual([
		'trigger → authentication: hide names "resource", which this node does not have',
	]);
});

describe('operations that only read', () => {
	const services = ['HeyGen', 'SocialSyncer', 'Synaptiq', 'Sync', 'ViralSync'];

	it.each(services)(
		'%s: every Get/Search/Count operation is marked readOnly (its items run 5 at once), and nothing else is',
		(service) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { resources } = require(`../../nodes/${service}/actions/resources`) as {
				resources: Array<{
					value: string;
					operations: Array<{ value: string; readOnly?: true; aggregate?: true }>;
				}>;
			};
			const wrong: string[] = [];
			for (const resource of resources) {
				for (const operation of resource.operations) {
					const reads = /^(get|search|count|estimateCost)/.test(operation.value);
					if (reads !== Boolean(operation.readOnly))
						wrong.push(`${resource.value} → ${operation.value}`);
				}
			}
			expect(wrong).toEqual([]);
		},
	);
});
