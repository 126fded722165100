/**
 * The API keys the emulators accept by default. Distinctive strings, so a scan of every error
 * and log line in the suite can prove that none of them leaks.
 */
export const TEST_KEYS = {
	sync: {
		valid: 'sync-key-emulator-valid-7f3a9c21',
		other: 'sync-key-emulator-other-52be08d4',
	},
	heygen: {
		valid: 'heygen-key-emulator-valid-0b9d4e77',
		/** A workspace key without user-read scope: GET /v3/users/me answers 403. */
		noUserRead: 'heygen-key-emulator-noread-6ac1f350',
	},
	viralsync: {
		valid: 'vs_prod_emulatorValidKey8f2c61ab4d7e90',
		revoked: 'vs_prod_emulatorRevokedKey3b7d05e9c1a4',
		free: 'vs_prod_emulatorFreePlanKey9e4a7c2b06d1',
		enterprise: 'vs_prod_emulatorEnterpriseKey5c3e9a1f7b20',
	},
	socialsyncer: {
		valid: 'sk_emulatorValidKey4c8e1f07b3a95d',
		revoked: 'sk_emulatorRevokedKey7a2d9b60e4c13f',
	},
	synaptiq: {
		liveRead: 'sk_live_emulatorReadKey1f9c3e7a5b20d4',
		liveWrite: 'sk_live_emulatorWriteKey6b3d8f0a2c914e',
		liveAdmin: 'sk_live_emulatorAdminKey2e7a4c9f1b6083',
		testAdmin: 'sk_test_emulatorAdminKey9c1e5a3d7f2b64',
		revoked: 'sk_live_emulatorRevokedKey5d2b8e1c9a7f30',
		planInsufficient: 'sk_live_emulatorNoPlanKey8a4f2c6e0d1b97',
	},
} as const;

/** Every key above, for leak scans. */
export const ALL_TEST_KEYS: string[] = Object.values(TEST_KEYS).flatMap((service) =>
	Object.values(service as Record<string, string>),
);

/** A key that no emulator knows. */
export const UNKNOWN_KEY = 'unknown-key-emulator-3d5f7a9b1c2e';
