/**
 * The `team.*` methods about who and where: the reviewer's identity, the
 * connection to a team database (checked with the server first, credentials
 * kept by {@link TeamFiles}), and the list of the team's sessions.
 */
import type { TeamHandlers } from './team-service';
import { checkRemoteUrl, probeRemote, showRemote } from './couch-access';
import type { TeamFiles } from './team-files';
import type { SessionTracker } from './session-tracker';
import type { SessionStore } from '../store';
import { asError, ok, refused } from './team-results';

type ConnectionMethod =
  | 'team.identity'
  | 'team.setIdentity'
  | 'team.connection'
  | 'team.connect'
  | 'team.disconnect'
  | 'team.list';

export function connectionHandlers(
  files: TeamFiles,
  tracker: SessionTracker,
  store: SessionStore,
): Pick<TeamHandlers, ConnectionMethod> {
  return {
    'team.identity': async () => ok(await files.identity()),
    'team.setIdentity': async ({ name, role }) => {
      const r = await files.setIdentity(name, role);
      return typeof r === 'string' ? refused(r) : ok(r);
    },
    'team.connection': async () => {
      const c = await files.connection();
      return ok(c ? { url: c.url, user: c.user, server: c.server } : null);
    },
    'team.connect': async ({ url, user, password, allowInsecureHttp }) => {
      try {
        const u = checkRemoteUrl(url, !!allowInsecureHttp);
        const credentials = { user, password };
        const info = await probeRemote(u, credentials);
        const c = { url: showRemote(u), user, server: info.vendor };
        await files.saveConnection({ ...c, allowInsecureHttp: !!allowInsecureHttp }, credentials);
        void tracker.all().then((all) => all.forEach((s) => s.syncSoon()));
        return ok(c);
      } catch (err) {
        return asError(err);
      }
    },
    'team.disconnect': async () => ok({ disconnected: await files.forgetConnection() }),
    'team.list': async () => {
      try {
        const { url, credentials } = await tracker.connected();
        const { listTeamSessions } = await import('./team-remote');
        return ok(await listTeamSessions(url, credentials, (id) => store.has(id)));
      } catch (err) {
        return asError(err);
      }
    },
  };
}
