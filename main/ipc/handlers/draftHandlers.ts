import type { DraftService } from '../../drafts/draftService';
import type { ChannelHandlers } from '../router';

type DraftChannels = 'drafts.list' | 'drafts.get' | 'drafts.save' | 'drafts.delete' | 'drafts.import' | 'sync.status';

/** Channels about drafts and the outbox. */
export function createDraftHandlers(drafts: DraftService): Pick<ChannelHandlers, DraftChannels> {
  return {
    'drafts.list': () => drafts.list(),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.save': ({ id, draft }) => drafts.save(id, draft),
    'drafts.delete': ({ id }) => ({ outcome: drafts.delete(id) }),
    'drafts.import': ({ file, dryRun }) => drafts.importFile(file, { dryRun }),
    'sync.status': () => drafts.status(),
  };
}
