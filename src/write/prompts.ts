import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/errors.js';

/** The LLM writer's and support judge's prompts, read from files once when the writer is built. */
export interface Prompts {
  system: string;
  user: string;
  repair: string;
  /** The support judge's instructions and its list of claims. */
  judgeSystem: string;
  judgeUser: string;
}

/** The `prompts/` folder of the installed package (the same path from src/ and from dist/). */
export const PROMPTS_DIR = path.resolve(import.meta.dirname, '../../prompts');

/** Reads the prompt files; a missing one is a configuration error naming the file. */
export function loadPrompts(dir = PROMPTS_DIR): Prompts {
  const read = (name: string) => {
    const file = path.join(dir, name);
    try {
      return readFileSync(file, 'utf8');
    } catch (cause) {
      throw new AppError('config_invalid', `cannot read prompt file ${file}`, { cause });
    }
  };
  return {
    system: read('write-system.md'),
    user: read('write-user.md'),
    repair: read('repair-user.md'),
    judgeSystem: read('judge-system.md'),
    judgeUser: read('judge-user.md'),
  };
}

/** Fills `{{name}}` slots; an unknown slot is left as it is so a typo shows in the prompt. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}
