import { createInterface } from 'node:readline';

/** Reads a secret: prompted without echo on a terminal, else the first line of stdin. */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += chunk;
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line) throw new Error('no password on stdin');
    return line;
  }
  process.stderr.write(prompt);
  const rl = createInterface({ input, terminal: true });
  // Keep the typed password off the screen.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
