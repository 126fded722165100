/** The fields of Post → Create, and the Wait for Result pair Create, Update and Retry share. */
import type { INodeProperties } from 'n8n-workflow';

export const waitFields = (): INodeProperties[] => [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until a publishing post is published, partly published or failed',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		displayOptions: { show: { waitForResult: [true] } },
	},
];

export const postCreateFields: INodeProperties[] = [
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The caption; optional with media or per-account content',
	},
	{
		displayName: 'Account Names or IDs',
		name: 'accounts',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAccounts' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The connected accounts to post to (not needed for a draft); an ID is platform:accountId',
	},
	{
		displayName: 'Publish',
		name: 'publishMode',
		type: 'options',
		options: [
			{ name: 'Now', value: 'now' },
			{ name: 'At a Time', value: 'schedule' },
			{ name: 'Save as Draft', value: 'draft' },
		],
		default: 'now',
	},
	{
		displayName: 'Scheduled For',
		name: 'scheduledFor',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { publishMode: ['schedule'] } },
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: 'UTC',
		placeholder: 'Europe/Berlin',
		description: 'IANA name; how a time without offset is read',
		displayOptions: { show: { publishMode: ['schedule'] } },
	},
	{
		displayName: 'Media',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'From URLs', value: 'urls' },
			{
				name: 'From Binary Files',
				value: 'binary',
				description: "Uploaded from the item's binary data first",
			},
		],
		default: 'none',
	},
	{
		displayName: 'Media URLs',
		name: 'mediaUrls',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add media',
		default: {},
		displayOptions: { show: { mediaSource: ['urls'] } },
		options: [
			{
				displayName: 'Media',
				name: 'media',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'GIF', value: 'gif' },
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
						],
						default: 'image',
					},
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Binary Properties',
		name: 'mediaBinaryProperties',
		type: 'string',
		default: 'data',
		description: 'Comma-separated names of the binary properties to attach, in order',
		displayOptions: { show: { mediaSource: ['binary'] } },
	},
	{
		displayName: 'Per-Account Overrides',
		name: 'overrides',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add override',
		default: {},
		options: [
			{
				displayName: 'Override',
				name: 'override',
				values: [
					{
						displayName: 'Account Name or ID',
						name: 'account',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getAccounts' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Custom Content', name: 'customContent', type: 'string', default: '' },
					{
						displayName: 'Platform Settings (JSON)',
						name: 'platformSpecificData',
						type: 'json',
						default: '{}',
						description:
							'Platform-specific keys (e.g. Instagram post type); win over the settings below',
					},
				],
			},
		],
	},
	{
		displayName: 'Post Options',
		name: 'postOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Facebook Settings (JSON)',
				name: 'facebookSettings',
				type: 'json',
				default: '{}',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Comma-separated',
			},
			{
				displayName: 'TikTok: Allow Comments',
				name: 'allowComment',
				type: 'boolean',
				default: true,
			},
			{ displayName: 'TikTok: Allow Duet', name: 'allowDuet', type: 'boolean', default: false },
			{ displayName: 'TikTok: Allow Stitch', name: 'allowStitch', type: 'boolean', default: false },
			{
				displayName: 'TikTok: Content Preview Confirmed',
				name: 'contentPreviewConfirmed',
				type: 'boolean',
				default: false,
				description: 'Whether the creator confirmed the preview (required by TikTok)',
			},
			{
				displayName: 'TikTok: Express Consent Given',
				name: 'expressConsentGiven',
				type: 'boolean',
				default: false,
				description: 'Whether the creator consented to posting (required by TikTok)',
			},
			{
				displayName: 'TikTok: Privacy Level',
				name: 'privacyLevel',
				type: 'options',
				options: [
					{ name: 'Followers', value: 'FOLLOWER_OF_CREATOR' },
					{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
					{ name: 'Only Me', value: 'SELF_ONLY' },
					{ name: 'Public', value: 'PUBLIC_TO_EVERYONE' },
				],
				default: 'PUBLIC_TO_EVERYONE',
			},
		],
	},
];
