import { parseArgs } from 'node:util';
import { APP_VERSION } from '../../shared/version';
import { serve } from './serve';

/**
 * `node out/main/server.js [workspace.sqlite] [--port N] [--create-sample] [--data-dir DIR]`: the
 * browser edition. The data folder (sample, backups, recent list) is --data-dir, else
 * $YARDSTICK_DATA_DIR, else the platform's per-user folder.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'create-sample': { type: 'boolean', default: false },
      static: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  try {
    const host = await serve({
      workspace: positionals[0],
      port,
      createSample: values['create-sample'],
      staticDir: values.static,
      appVersion: APP_VERSION,
      dataDir: values['data-dir'] ?? (process.env['YARDSTICK_DATA_DIR'] || undefined),
    });
    console.log(`Yardstick browser edition: ${host.launchUrl}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    const appError = (error as { appError?: { message: string; messageZh: string } }).appError;
    console.error(appError ? `${appError.message}\n${appError.messageZh}` : error);
    process.exit(1);
  }
}

void main();
