import type { SeriesLinkStore } from '../../db/seriesLinkStore';
import type { PatternChangeService } from '../../drafts/patternChangeService';
import type { ChannelHandlers } from '../router';

type PatternChangeChannels = 'drafts.patternChangePreview' | 'drafts.changePattern' | 'drafts.links';

/** A published series' pattern change, and the links it leaves between series. */
export function createPatternChangeHandlers(deps: {
  patternChange: PatternChangeService;
  links: SeriesLinkStore;
}): Pick<ChannelHandlers, PatternChangeChannels> {
  return {
    'drafts.patternChangePreview': (request) => deps.patternChange.preview(request),
    'drafts.changePattern': (request) => deps.patternChange.confirm(request),
    'drafts.links': ({ id }) => deps.links.linksOf(id),
  };
}
