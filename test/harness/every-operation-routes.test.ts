import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, INodeProperties, INodeType } from 'n8n-workflow';

import { simulators } from '../../sandbox/simulators';
import { N8nHarness } from './n8n-harness';
import { loadPackageNodes } from './package-loader';

/** Every value an options parameter offers when `resource` has the given value. */
function optionsShownFor(properties: INodeProperties[], name: string, resource?: string): string[] {
	return properties
		.filter((property) => property.name === name && property.type === 'options')
		.filter((property) => {
			const shown = property.displayOptions?.show?.resource;
			return resource === undefined || !shown || shown.includes(resource);
		})
		.flatMap((property) =>
			(property.options ?? []).map((option) => String((option as { value: unknown }).value)),
		);
}

/** A value for each required field shown for this operation, so n8n lets the run start. */
function requiredValues(properties: INodeProperties[], resource: string, operation: string) {
	const shown = properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		return (
			property.required === true &&
			(!show.resource || show.resource.includes(resource)) &&
			(!show.operation || show.operation.includes(operation))
		);
	});
	return Object.fromEntries(shown.map((property) => [property.name, sampleOf(property)]));
}

function sampleOf(property: INodeProperties): unknown {
	if (property.type === 'number') return 1;
	if (property.type === 'boolean') return false;
	if (property.type === 'options') return (property.options?.[0] as { value: unknown })?.value;
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: 'x' };
	if (property.type === 'json') return '{}';
	if (property.type === 'collection' || property.type === 'fixedCollection') return {};
	return 'x';
}

const UNREACHABLE = 'http://127.0.0.1:9';

/** The sandbox credentials, pointing nowhere: the run fails after routing, never before. */
const credentialData: Record<string, ICredentialDataDecryptedObject> = Object.fromEntries(
	simulators
		.flatMap((entry) => entry.n8nCredentials(UNREACHABLE))
		.map((credential) => [credential.type, credential.data as ICredentialDataDecryptedObject]),
);

describe('every Operation option of every node has an execute', () => {
	const harness = new N8nHarness();
	const nodes = [...loadPackageNodes().values()] as INodeType[];
	const actionNodes = nodes.filter((node) => !node.description.name.endsWith('Trigger'));

	for (const node of actionNodes) {
		const { name, properties } = node.description;
		test(name, async () => {
			const credentialType = node.description.credentials?.[0]?.name ?? '';
			const credentials = {
				[credentialType]: harness.addCredential(
					credentialType,
					credentialData[credentialType] ?? {},
				),
			};
			const resources = optionsShownFor(properties, 'resource');
			assert.ok(resources.length > 0, `${name} has a Resource picker`);
			let routed = 0;
			for (const resource of resources) {
				const operations = optionsShownFor(properties, 'operation', resource);
				assert.ok(operations.length > 0, `${name} ${resource} has operations`);
				for (const operation of operations) {
					const result = await harness.runNode({
						type: name,
						parameters: { resource, operation, ...requiredValues(properties, resource, operation) },
						credentials,
					});
					assert.doesNotMatch(
						String(result.error?.message),
						/is not supported/,
						`${name} ${resource}/${operation}`,
					);
					routed++;
				}
			}
			assert.ok(routed >= resources.length);
		});
	}
});
