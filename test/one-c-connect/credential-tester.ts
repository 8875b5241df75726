import assert from 'node:assert/strict';

import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	INodeCredentialTestResult,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { loadPackageCredentials, loadPackageNodes } from '../harness/package-loader';

/**
 * Tests credential data as n8n's CredentialsTester does for a credential without its own `test`:
 * the function a node names with `testedBy`, called with n8n-core's CredentialTestContext (whose
 * only HTTP helper is the legacy `request`). n8n takes the first node it finds, so every node
 * naming one must name the same function.
 */
export async function testCredentialAsN8nDoes(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	assert.equal(
		loadPackageCredentials().get(type)?.test,
		undefined,
		'a `test` would win over testedBy',
	);
	const found = new Set<ICredentialTestFunction | undefined>();
	for (const node of loadPackageNodes().values() as Iterable<INodeType>) {
		for (const credential of node.description.credentials ?? []) {
			if (credential.name !== type) continue;
			assert.equal(typeof credential.testedBy, 'string', `${node.description.name} names no test`);
			found.add(node.methods?.credentialTest?.[credential.testedBy as string]);
		}
	}
	const [test] = [...found];
	assert.equal(found.size, 1, 'every node names the same test');
	assert.equal(typeof test, 'function');
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	return await test!.call(context, { id: 'test', name: 'Test', type, data });
}
