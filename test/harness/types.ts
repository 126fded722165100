/**
 * Loads this package's credential and node types from source, the way n8n loads them from
 * the `n8n` section of package.json (one class per file, instantiated once).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export const REPO_ROOT = path.resolve(__dirname, '../..');

function filesEndingWith(dir: string, suffix: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) found.push(...filesEndingWith(full, suffix));
		else if (entry.endsWith(suffix)) found.push(full);
	}
	return found;
}

function instantiateExports<T>(file: string): T[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(file) as Record<string, new () => T>;
	return Object.values(moduleExports)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

let credentialCache: Map<string, ICredentialType> | undefined;

/** Credential types from outside this package (the benchmark's peer: n8n's own Header Auth). */
export function registerCredentialType(type: ICredentialType): void {
	credentialTypes().set(type.name, type);
}
let nodeCache: Map<string, INodeType | IVersionedNodeType> | undefined;

export function credentialTypes(): Map<string, ICredentialType> {
	if (!credentialCache) {
		credentialCache = new Map();
		for (const file of filesEndingWith(path.join(REPO_ROOT, 'credentials'), '.credentials.ts')) {
			for (const type of instantiateExports<ICredentialType>(file))
				credentialCache.set(type.name, type);
		}
	}
	return credentialCache;
}

/** Node types under the names a workflow uses for them here: `CUSTOM.<name>` and the bare name. */
export function nodeTypeMap(): Map<string, INodeType | IVersionedNodeType> {
	if (!nodeCache) {
		nodeCache = new Map();
		const nodesDir = path.join(REPO_ROOT, 'nodes');
		for (const file of filesEndingWith(nodesDir, '.node.ts')) {
			for (const type of instantiateExports<INodeType | IVersionedNodeType>(file)) {
				nodeCache.set(type.description.name, type);
				nodeCache.set(`CUSTOM.${type.description.name}`, type);
			}
		}
	}
	return nodeCache;
}

export class PackageNodeTypes implements INodeTypes {
	constructor(private readonly extra: Map<string, INodeType | IVersionedNodeType> = new Map()) {}

	private lookup(name: string): INodeType | IVersionedNodeType {
		const type = this.extra.get(name) ?? nodeTypeMap().get(name);
		if (!type) throw new UnexpectedError(`Unknown node type: ${name}`);
		return type;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.lookup(name);
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(name), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
