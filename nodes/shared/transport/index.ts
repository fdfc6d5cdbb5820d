export { ghlApiRequest, ghlPath } from './request';
export { callEndpoint, endpointRequest, fillPath } from './endpoint';
export type { EndpointCall } from './endpoint';
export { searchContactsPaged, getStartAfterPaged, getSkipPaged } from './pagination';
export {
	getConnection,
	getLocationId,
	readNodeParameter,
	CREDENTIAL_TYPES,
	OAUTH2,
	PRIVATE_INTEGRATION,
} from './connection';
export { rateLimiter } from './rateLimiter';
export { API_VERSIONS } from './types';
export type { GhlContext, GhlRequest, GhlApiName, GhlEndpoint } from './types';
export type { MultipartBody, MultipartFile } from './multipart';
