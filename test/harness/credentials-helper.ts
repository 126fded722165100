/**
 * The credentials side of n8n's execution engine, on the model of n8n's own
 * packages/cli/src/credentials-helper.ts: credential data comes from the test instead of a
 * database, and `authenticate` is applied exactly as n8n applies it (function-style called
 * as is; generic resolved as expressions with `$credentials`).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	UnexpectedError,
	Workflow as N8nWorkflow,
	isExpression,
} from 'n8n-workflow';

import { registerSecret } from './leak-guard';
import { credentialTypes, PackageNodeTypes } from './types';

/** OAuth2 tokens are secrets too: the leak guard looks for them in every run. */
export function registerTokenSecrets(data: ICredentialDataDecryptedObject | undefined): void {
	const tokens = (data?.oauthTokenData ?? {}) as Record<string, unknown>;
	registerSecret(tokens.access_token);
	registerSecret(tokens.refresh_token);
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Credential data by credential type name (one credential per type in a test run). */
	private data: Record<string, ICredentialDataDecryptedObject> = {};

	/** Every `updateCredentials` call, for OAuth token refresh assertions. */
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	constructor(data: Record<string, ICredentialDataDecryptedObject> = {}) {
		super();
		this.setCredentials(data);
	}

	setCredentials(data: Record<string, ICredentialDataDecryptedObject>): void {
		this.data = { ...data };
	}

	private type(name: string): ICredentialType {
		const type = credentialTypes().get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type: ${name}`);
		return type;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) {
				throw new UnexpectedError(
					'Workflow and node are required for declarative credential authentication',
				);
			}
			const resolve = (value: string) =>
				isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(name: string): string[] {
		const parents = this.type(name).extends ?? [];
		return parents.flatMap((parent) => [
			parent,
			...(credentialTypes().has(parent) ? this.getParentTypes(parent) : []),
		]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	/** Only n8n's preAuthentication persistence reads stored credentials; none of ours has it. */
	async getCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		throw new UnexpectedError(`Stored credentials are not available in the test engine (${type})`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (!this.data[type]) throw new UnexpectedError(`The test gave no credentials of type ${type}`);
		return this.resolveExpressions(this.withDefaults(type, this.data[type]));
	}

	/**
	 * As n8n's CredentialsHelper.applyDefaultsAndOverwrites: expression values (e.g. an OAuth2 URL
	 * derived from the Base URL) are resolved with `$self` as the credential's own data.
	 */
	resolveExpressions(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		if (!Object.values(data).some((value) => typeof value === 'string' && isExpression(value)))
			return data;
		const node: INode = {
			id: 'credential',
			name: 'Credential',
			type: 'CUSTOM.heyGen',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new N8nWorkflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new PackageNodeTypes(),
		});
		return workflow.expression.getComplexParameterValue(
			node,
			data as never,
			'internal',
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		registerTokenSecrets(data);
		this.updates.push({ type, data });
		this.data[type] = data;
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, { ...(this.data[type] ?? {}), ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	/** n8n fills fields the user left untouched with the property defaults. */
	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const filled: ICredentialDataDecryptedObject = {};
		for (const property of this.type(type).properties) {
			if (property.type === 'notice') continue;
			if (property.default !== undefined) filled[property.name] = property.default as never;
		}
		return { ...filled, ...data };
	}
}
