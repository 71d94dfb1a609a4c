/** The screens of the admin UI, as addressed by the URL path (never carrying the token). */
export type Route =
  | { screen: 'home'; project?: string }
  | { screen: 'flags'; project: string; env: string }
  | { screen: 'flag'; project: string; env: string; flag: string; tab: FlagTab; version?: number }
  | { screen: 'segments'; project: string; env: string; segment?: string }
  | { screen: 'audit'; project: string; env: string }
  | { screen: 'sdks'; project: string; env: string }
  | { screen: 'access'; project: string; env: string }
  | { screen: 'webhooks'; project: string; env: string }
  | { screen: 'scheduled'; project: string; env: string }
  | { screen: 'game-days'; project: string; env: string }
  | { screen: 'game-day'; project: string; env: string; run: string };

export type FlagTab = 'targeting' | 'history' | 'preview' | 'activity' | 'dark-launch';

const TABS: readonly FlagTab[] = ['targeting', 'history', 'preview', 'activity', 'dark-launch'];

/** Reads a URL path into a route; unknown paths are the home screen. */
export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'projects' || !parts[1]) return { screen: 'home' };
  if (parts[2] !== 'environments' || !parts[3]) return { screen: 'home', project: parts[1] };
  const [project, env] = [parts[1], parts[3]];
  if (parts.length === 4) return { screen: 'flags', project, env };
  if (parts[4] === 'audit') return { screen: 'audit', project, env };
  if (parts[4] === 'segments')
    return parts[5] ? { screen: 'segments', project, env, segment: parts[5] } : { screen: 'segments', project, env };
  if (parts[4] === 'sdks') return { screen: 'sdks', project, env };
  if (parts[4] === 'access') return { screen: 'access', project, env };
  if (parts[4] === 'webhooks') return { screen: 'webhooks', project, env };
  if (parts[4] === 'scheduled') return { screen: 'scheduled', project, env };
  if (parts[4] === 'game-days')
    return parts[5] ? { screen: 'game-day', project, env, run: parts[5] } : { screen: 'game-days', project, env };
  if (parts[4] === 'flags' && parts[5]) {
    const tab = TABS.find((candidate) => candidate === parts[6]) ?? 'targeting';
    // `…/history/4` opens the history at flag version 4 (the audit log links each change's diff so).
    const version = tab === 'history' && /^[1-9][0-9]{0,15}$/.test(parts[7] ?? '') ? Number(parts[7]) : undefined;
    return version === undefined
      ? { screen: 'flag', project, env, flag: parts[5], tab }
      : { screen: 'flag', project, env, flag: parts[5], tab, version };
  }
  return { screen: 'flags', project, env };
}

/** Writes a route as a URL path. */
export function formatRoute(route: Route): string {
  if (route.screen === 'home') return route.project ? `/projects/${encodeURIComponent(route.project)}` : '/';
  const base = `/projects/${encodeURIComponent(route.project)}/environments/${encodeURIComponent(route.env)}`;
  switch (route.screen) {
    case 'flags':
      return base;
    case 'audit':
    case 'sdks':
    case 'access':
    case 'webhooks':
    case 'scheduled':
    case 'game-days':
      return `${base}/${route.screen}`;
    case 'game-day':
      return `${base}/game-days/${encodeURIComponent(route.run)}`;
    case 'segments':
      return `${base}/segments${route.segment ? `/${encodeURIComponent(route.segment)}` : ''}`;
    case 'flag':
      return `${base}/flags/${encodeURIComponent(route.flag)}${route.tab === 'targeting' ? '' : `/${route.tab}`}${
        route.tab === 'history' && route.version !== undefined ? `/${route.version}` : ''
      }`;
  }
}
