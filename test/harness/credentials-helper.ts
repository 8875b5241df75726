import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper, NodeHelpers, isExpression } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Resolves credentials the way n8n's own CredentialsHelper does: defaults from the credential
 * type's properties, expressions against `$credentials`, generic `authenticate` objects merged
 * into the request, and `preAuthentication` for expirable hidden properties (persisted back).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly stored = new Map<string, StoredCredential>();
	readonly preAuthenticationCalls: string[] = [];

	constructor(private readonly credentialTypes: Map<string, ICredentialType>) {
		super();
	}

	store(credential: StoredCredential): void {
		this.stored.set(credential.id, structuredClone(credential));
	}

	storedData(id: string): ICredentialDataDecryptedObject | undefined {
		return this.stored.get(id)?.data;
	}

	getParentTypes(name: string): string[] {
		const type = this.credentialTypes.get(name);
		const parents = type?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.typeOf(typeName).authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('Generic authentication needs a workflow and a node');
			const resolve = (value: string) => this.resolve(value, credentials, workflow, node);
			const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				options[section] = options[section] ?? {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					options[section][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.preAuthenticationCalls.push(typeName);
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details?.id) {
			const stored = this.stored.get(details.id);
			if (stored) stored.data = { ...stored.data, ...output };
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new PlainCredentials(this.find(details, type));
	}

	async getDecrypted(
		_additionalData: unknown,
		details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(details, type);
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored.data as never,
			true,
			false,
			null,
			null,
		);
		const decrypted = { ...(withDefaults as ICredentialDataDecryptedObject) };
		// As n8n's CredentialsHelper: OAuth token data is no declared property but travels along.
		if (stored.data.oauthTokenData !== undefined) {
			decrypted.oauthTokenData = structuredClone(stored.data.oauthTokenData);
		}
		return decrypted;
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.find(details, type).data = data;
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(details, type);
		stored.data = { ...stored.data, ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.typeOf(type);
		const inherited = (credentialType.extends ?? []).flatMap((parent) =>
			this.getCredentialsProperties(parent),
		);
		const own = new Set(credentialType.properties.map((property) => property.name));
		return [
			...inherited.filter((property) => !own.has(property.name)),
			...credentialType.properties,
		];
	}

	private typeOf(name: string): ICredentialType {
		const type = this.credentialTypes.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	private find(details: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = details.id ? this.stored.get(details.id) : undefined;
		if (!stored || stored.type !== type) {
			throw new Error(`No stored credential "${details.id}" of type "${type}"`);
		}
		return stored;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}
}

/** Stored in the clear: the harness has no database and no encryption key. */
class PlainCredentials extends ICredentials {
	constructor(private readonly stored: StoredCredential) {
		super({ id: stored.id, name: stored.name }, stored.type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return structuredClone(this.stored.data);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.stored.id, name: this.stored.name, type: this.stored.type, data: undefined };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored.data = structuredClone(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>): Promise<void> {
		this.stored.data = { ...this.stored.data, ...toUpdate } as ICredentialDataDecryptedObject;
	}
}
