// Spawned by lock.test.ts: takes and releases the data-directory lock over and over, checking with
// an O_EXCL marker file that no other process holds it at the same time, and reports what it saw.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lockDataDir } from '../lock.js';

const [dir = '', rounds = '0', startAt = '0'] = process.argv.slice(2);
const marker = path.join(dir, 'holder');
const seen = { held: 0, overlaps: 0, refused: 0, emptyReads: 0 };
// Start together, so the racers really race.
while (Date.now() < Number(startAt)) {}
for (let round = 0; round < Number(rounds); round++) {
  try {
    const lock = lockDataDir(dir);
    seen.held++;
    try {
      writeFileSync(marker, String(process.pid), { flag: 'wx' });
      // Hold it a moment so a second holder, if the lock let one in, would overlap.
      for (let i = 0; i < 200; i++) readFileSync(lock.file);
      rmSync(marker);
    } catch {
      seen.overlaps++;
    }
    lock.release();
  } catch {
    seen.refused++;
  }
  try {
    if (readFileSync(path.join(dir, 'newsloom.lock'), 'utf8') === '') seen.emptyReads++;
  } catch {
    // No lock at this instant.
  }
}
process.stdout.write(JSON.stringify(seen));
