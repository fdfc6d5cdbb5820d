/**
 * Standalone sandbox:
 *   npx tsx sandbox/cli.ts --port 8787 [--webhook-target URL]... [--auto-deliver]
 *                          [--rate-max N --rate-interval-ms N --rate-daily N] [--no-seed] [--log]
 * Prints one line `SANDBOX_READY {json}` (url, demo ids, tokens, OAuth client, public keys).
 */
import { startSandbox } from './index';
import type { SandboxOptions } from './types';

function parseArgs(argv: string[]): SandboxOptions {
	const opts: SandboxOptions = { webhookTargets: [] };
	const rate = { max: 100, intervalMs: 10_000, daily: 200_000 };
	const number = (flag: string, value: string | undefined) => {
		const n = Number(value);
		if (value === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--port':
				opts.port = number(flag, value());
				break;
			case '--webhook-target':
				opts.webhookTargets!.push(String(value()));
				break;
			case '--auto-deliver':
				opts.autoDeliverWebhooks = true;
				break;
			case '--rate-max':
				rate.max = number(flag, value());
				break;
			case '--rate-interval-ms':
				rate.intervalMs = number(flag, value());
				break;
			case '--rate-daily':
				rate.daily = number(flag, value());
				break;
			case '--access-token-ttl':
				opts.accessTokenTtlSeconds = number(flag, value());
				break;
			case '--refresh-grace-ms':
				opts.refreshGraceMs = number(flag, value());
				break;
			case '--no-seed':
				opts.seed = false;
				break;
			case '--log':
				opts.log = true;
				break;
			case '--help':
			case '-h':
				console.log('Usage: tsx sandbox/cli.ts [--port N] [--webhook-target URL]... [--auto-deliver] [--rate-max N] [--rate-interval-ms N] [--rate-daily N] [--access-token-ttl S] [--refresh-grace-ms MS] [--no-seed] [--log]');
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${arg}`);
		}
	}
	opts.rateLimit = rate;
	return opts;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
	const { demo } = sandbox;
	console.log(
		'SANDBOX_READY ' +
			JSON.stringify({
				url: sandbox.url,
				port: sandbox.port,
				locationId: demo.locationId,
				otherLocationId: demo.otherLocationId,
				companyId: demo.companyId,
				privateToken: demo.privateToken,
				readOnlyToken: demo.readOnlyToken,
				otherLocationToken: demo.otherLocationToken,
				oauthClientId: demo.oauthClientId,
				oauthClientSecret: demo.oauthClientSecret,
				authorizeUrl: `${sandbox.url}/oauth/chooselocation`,
				tokenUrl: `${sandbox.url}/oauth/token`,
				publicKeys: sandbox.publicKeys,
			}),
	);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`[ghl-sandbox] ${signal}: closing`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
	console.error(`[ghl-sandbox] ${(err as Error).message}`);
	process.exit(1);
});
