import type { Config } from '../config/config.js';
import type { ModerationSettings } from './types.js';

/** The moderation settings from the validated config. */
export function moderationSettings(config: Config): ModerationSettings {
  return {
    maxLength: config.commentMaxLength,
    maxLinks: config.commentMaxLinks,
    perMinute: config.commentsPerMinute,
    heldForNewAccounts: config.commentsHeldForNewAccounts,
    closeAfterDays: config.commentsCloseAfterDays,
    editMinutes: config.commentEditMinutes,
    bannedWords: config.bannedWords,
    suspectWords: config.suspectWords,
    minFormMs: config.commentMinFormSeconds * 1000,
  };
}
