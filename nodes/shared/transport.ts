/** Kept while the operations move to the request layer (./request). */
export * from './request';
export { DEFAULT_REQUEST_OPTIONS as DEFAULT_TRANSPORT_OPTIONS } from './request';
export type { RequestOptions as TransportOptions } from './request';
