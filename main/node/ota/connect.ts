// The single place where the OTA check opens connections. Every socket a fetch opens (to a frontend, to
// the public host, to a proxy, for a CONNECT tunnel) goes through a GuardedAgent, which first asserts that
// it goes where the check was told to go: the public host (or the proxy given) or the frontend address
// given, with the public URL's Host header and TLS SNI. A crafted moduleinfo or a redirect cannot aim it elsewhere.
// Host names are resolved once per check (pinnedLookup): a DNS server that answers a public address first and
// an intranet one later (rebinding) cannot move the check's later connections.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type tls from 'node:tls';
import type { Duplex } from 'node:stream';

export interface Destination {
  host: string;
  port: number;
}

/** Where one point's connections may go and what they must carry. */
export interface ConnectRule {
  /** Addresses a socket may be opened to (the frontend's, the public host's, or the proxy's). */
  to: Destination[];
  /** The public URL's Host header value (`host[:port]`), which every request carries. */
  host: string;
  /** The public `hostname:port`, the only target a CONNECT through the proxy may ask for. */
  authority: string;
  /** The public host name as TLS SNI (undefined when the public host is an IP address). */
  servername?: string;
  /** The check's one resolver: each name answered once, the same addresses for every later socket. */
  lookup?: net.LookupFunction;
}

type LookupAnswer = dns.LookupAddress[];

/**
 * A resolver for one check. The first answer for a name is kept, all its addresses (IPv6 and IPv4, so
 * Node's happy eyeballs still tries both) and used for every later connection to that name; a failed
 * lookup is not kept, so a name that did not resolve is asked again by the next fetch.
 */
export function pinnedLookup(resolve: (host: string) => Promise<LookupAnswer> = systemLookup): net.LookupFunction {
  const answers = new Map<string, Promise<LookupAnswer>>();
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    const key = hostname.toLowerCase();
    let answer = answers.get(key);
    if (!answer) {
      answer = resolve(hostname);
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    answer.then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!wanted.length) {
          const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
          callback(err);
        } else if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: unknown) => callback(err),
    );
  }) as net.LookupFunction;
}

function systemLookup(host: string): Promise<LookupAnswer> {
  return dns.promises.lookup(host, { all: true, verbatim: true });
}

export function ruleFor(publicUrl: URL, to: Destination[], lookup?: net.LookupFunction): ConnectRule {
  const hostname = bare(publicUrl.hostname);
  const port = Number(publicUrl.port) || (publicUrl.protocol === 'https:' ? 443 : 80);
  return {
    to,
    host: publicUrl.host,
    authority: `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    servername: net.isIP(hostname) ? undefined : hostname,
    lookup,
  };
}

/** Why a connection with these options breaks the rule, or undefined when it keeps it. */
export function refusal(rule: ConnectRule, o: http.RequestOptions & { servername?: string }): string | undefined {
  const host = bare(String(o.host ?? o.hostname ?? ''));
  const port = Number(o.port);
  if (!rule.to.some((d) => bare(d.host).toLowerCase() === host.toLowerCase() && d.port === port))
    return `a connection to ${host}:${port} is not one of the check's (${rule.to.map((d) => `${d.host}:${d.port}`).join(', ')})`;
  const headers = (o.headers ?? {}) as Record<string, unknown>;
  const hostHeader = headers.host ?? headers.Host;
  // A CONNECT names its target in its Host header (Node hands the agent no request path).
  if (o.method === 'CONNECT')
    return hostHeader === rule.authority ? undefined : `a tunnel to ${String(hostHeader)} instead of ${rule.authority}`;
  if (hostHeader !== rule.host) return `a request with Host ${String(hostHeader)} instead of ${rule.host}`;
  // Node derives SNI from the Host header when none is set, and leaves it empty for an IP address.
  const sni = o.servername || undefined;
  if (sni !== rule.servername) return `TLS SNI ${sni ?? '(none)'} instead of ${rule.servername ?? '(none)'}`;
  return undefined;
}

type Callback = (err: Error | null, socket?: Duplex) => void;

export class DestinationRefused extends Error {
  readonly code = 'EDESTINATION';
}

function guarded<T extends http.Agent>(agent: T, rule: ConnectRule, connect: (o: never, cb: Callback) => Duplex | undefined): T {
  (agent as unknown as { createConnection: (o: never, cb: Callback) => Duplex | undefined }).createConnection = (o, cb) => {
    const why = refusal(rule, o);
    if (why) {
      process.nextTick(() => cb(new DestinationRefused(why)));
      return undefined;
    }
    // Every socket of the check resolves through the check's pinned answers.
    return connect((rule.lookup ? { ...(o as object), lookup: rule.lookup } : o) as never, cb);
  };
  return agent;
}

/** An agent whose every new socket is checked against the rule first (keep-alive or one-shot). */
export function guardedAgent(
  rule: ConnectRule,
  secure: boolean,
  options: https.AgentOptions,
  /** How to open the socket once allowed (TLS inside a proxy tunnel); the agent's own way by default. */
  open?: (o: tls.ConnectionOptions) => Duplex,
): http.Agent {
  const agent = secure ? new https.Agent(options) : new http.Agent(options);
  const base = agent.createConnection.bind(agent) as unknown as (o: never, cb: Callback) => Duplex | undefined;
  return guarded(agent, rule, open ? (o: never) => open(o) : base);
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}
