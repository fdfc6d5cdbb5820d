/**
 * Standalone partner simulators (what the templates' default URLs point at):
 *   npx tsx sandbox/partners/cli.ts [--port 8788] [--log]
 * Prints one line `PARTNERS_READY {json}` with the URLs and demo credentials, then serves
 * until SIGINT/SIGTERM.
 */
import { DEFAULT_PARTNERS_PORT, startPartners } from './index';

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	let port = DEFAULT_PARTNERS_PORT;
	let log = false;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		if (flag === '--port') port = Number(inline ?? argv[++i]);
		else if (flag === '--log') log = true;
		else if (flag === '--help' || flag === '-h') {
			console.log('Usage: tsx sandbox/partners/cli.ts [--port N] [--log]');
			return;
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	if (!Number.isInteger(port) || port < 0) throw new Error('--port needs a number');
	const partners = await startPartners({ port, log });
	console.log(
		`PARTNERS_READY ${JSON.stringify({
			url: partners.url,
			leadsquared: partners.leadsquared.url,
			dpd: `${partners.dpd.url}/v2`,
			leadpops: `${partners.leadpops.url}/api/v1`,
			leadcars: partners.leadcars.url,
			demo: partners.demo,
		})}`,
	);
	const stop = () => {
		void partners.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
