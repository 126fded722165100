/** The avatar list filters both avatar resources share. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const ownershipOption: INodeProperties = {
	displayName: 'Ownership',
	name: 'ownership',
	type: 'options',
	options: [
		{ name: 'All', value: '' },
		{ name: 'Public (HeyGen Library)', value: 'public' },
		{ name: 'Private (Yours)', value: 'private' },
	],
	default: '',
};

/** The filters given that this list takes, without empty ones. */
export function avatarFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	allowed: string[],
): IDataObject {
	const raw = ctx.getNodeParameter('avatarFilters', itemIndex, {}) as IDataObject;
	return Object.fromEntries(
		Object.entries(raw).filter(([key, value]) => allowed.includes(key) && value !== ''),
	);
}
