// Starts `sen serve` on a free port with a fresh database, seeds a team, two agents, a lead
// owned by agent.binh and the later tests' leads through the API, and stops the server when the run ends.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminPassword, seed } from './seed';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startTimeoutMs = 30_000;

interface Started {
  database: string;
  baseURL: string;
  stop: () => Promise<void>;
}

async function startServer(): Promise<Started> {
  const bin = path.resolve(webDir, process.env.SEN_BIN ?? '../build/release/sen');
  const webRoot = path.join(webDir, 'dist');
  if (!existsSync(bin)) throw new Error(`sen binary not found at ${bin} (set SEN_BIN)`);
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error(`${webRoot} is empty: run npm run build first`);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'sen-e2e-'));
  const database = path.join(dataDir, 'sen.db');
  const child = spawn(
    bin,
    ['serve', '--listen', '127.0.0.1:0', '--db', `sqlite:${database}`, '--web-root', webRoot],
    { env: { ...process.env, SEN_ADMIN_PASSWORD: adminPassword }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const baseURL = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sen did not say where it listens:\n${output}`)), startTimeoutMs);
      const scan = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      };
      child.stdout.on('data', scan);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sen exited with ${code} before listening:\n${output}`));
      });
    });
    await waitForHealth(baseURL);
    return { database, baseURL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(baseURL: string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/healthz`)).status === 200) return;
    } catch {
      // Not accepting connections yet.
    }
    if (Date.now() > deadline) throw new Error(`${baseURL}/healthz did not answer 200`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  try {
    const seeded = await seed(server.baseURL);
    process.env.SEN_E2E_BASE_URL = server.baseURL;
    process.env.SEN_E2E_DB = server.database;  // for what only time could do (leads days old)
    process.env.SEN_E2E_BINH_LEAD_ID = String(seeded.binhLeadId);
    process.env.SEN_E2E_LEAD_IDS = JSON.stringify(seeded.leadIds);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server.stop;
}
