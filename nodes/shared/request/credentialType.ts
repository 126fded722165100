/** Which credential a call uses: the service's API key type, or its OAuth2 type when the node is set to OAuth2. */
import type { IExecuteFunctions, IHookFunctions } from 'n8n-workflow';

import type { RequestContext, ServiceDescriptor } from './types';

/** The node's "Authentication" choice, read the way each kind of context reads parameters. */
function authenticationOf(ctx: RequestContext, itemIndex: number): string {
	try {
		if ('getInputData' in ctx)
			return String(
				(ctx as IExecuteFunctions).getNodeParameter('authentication', itemIndex, 'apiKey'),
			);
		// Load-options, hook and webhook contexts read the node's parameters without an item.
		return String((ctx as IHookFunctions).getNodeParameter('authentication', 'apiKey'));
	} catch {
		return 'apiKey';
	}
}

export function credentialTypeOf(
	ctx: RequestContext,
	service: ServiceDescriptor,
	itemIndex = 0,
): string {
	return service.oAuth2CredentialType && authenticationOf(ctx, itemIndex) === 'oAuth2'
		? service.oAuth2CredentialType
		: service.credentialType;
}
