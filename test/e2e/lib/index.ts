/**
 * End-to-end library: a real n8n with our package, against the GHL sandbox.
 * See test/e2e/README.md.
 */
export { startStack, sandboxCredentials, newId, PIT_CREDENTIAL, OAUTH_CREDENTIAL } from './stack';
export type { Stack, StackOptions, CredentialRef } from './stack';
export * from './workflows';
export { OWNER, ROOT, e2ePorts, chromiumPath } from './runtime';
export { N8nClient } from './n8n';
export { installPackage, packageTarball } from './package';
export { waitFor, sleep } from './processes';
export { useStack } from './jest';
export { resourceCases, expectSuccess, emailFor } from './resourceWorkflows';
export type { ResourceCase, ResourceContext } from './resourceWorkflows';
export { listTemplates, localTemplate, partnerCredentials, ghlCredentialRefs } from './templates';
export { ghlTriggerWorkflow } from './trigger';
// Browser helpers (playwright-core) are in './browser', imported on demand.
