export { ghlApiRequest, ghlPath } from './request';
export { callEndpoint, downloadEndpoint, endpointRequest, fillPath } from './endpoint';
export type { EndpointCall } from './endpoint';
export { searchContactsPaged, searchRecordsPaged, getStartAfterPaged, getSkipPaged, postSkipPaged, getPageNumberPaged } from './pagination';
export {
	forItem,
	forSubAccount,
	getAgencyConnection,
	getConnection,
	getLocationId,
	readNodeParameter,
	usesAgency,
	AGENCY_CREDENTIAL_TYPE,
	AGENCY_OAUTH2,
	CREDENTIAL_TYPES,
	OAUTH2,
	PRIVATE_INTEGRATION,
	SUB_ACCOUNT_PARAMETER,
} from './connection';
export { forgetLocationTokens, locationTokenStats } from './agency';
export { rateLimiter } from './rateLimiter';
export { API_VERSIONS } from './types';
export type { GhlContext, GhlRequest, GhlApiName, GhlEndpoint, GhlFile } from './types';
export type { MultipartBody, MultipartFile } from './multipart';
