import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { COLLAB_PATH, documentNameFor } from "../collaboration/protocol";

/** A WebSocket class that sends the session cookie, as a browser would on the same origin. */
export function webSocketWithCookie(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: origin } });
    }
  };
}

/**
 * A Node collaboration client: the same provider the editor uses, authenticated by a session
 * cookie. Used by benchmarks and protocol tests.
 */
export function connectCollabClient({
  baseURL,
  cookie,
  moduleId,
}: {
  baseURL: string;
  cookie: string;
  moduleId: string;
}) {
  const url = `${baseURL.replace(/^http/, "ws")}${COLLAB_PATH}`;
  const document = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: webSocketWithCookie(cookie, baseURL),
  });
  let denied: string | null = null;
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentNameFor(moduleId),
    document,
    onAuthenticationFailed: ({ reason }) => {
      denied = reason;
    },
  });
  // With a shared socket the provider does not attach itself.
  provider.attach();
  const synced = new Promise<void>((resolve, reject) => {
    if (provider.isSynced) resolve();
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(`refused: ${reason}`)));
  });
  return {
    provider,
    document,
    synced,
    get denied() {
      return denied;
    },
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Logs in through the real form and returns the session cookie ("name=value"). */
export async function logInForCookie(baseURL: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie");
  const match = setCookie ? /alongside_session=[^;]+/.exec(setCookie) : null;
  if (!match) throw new Error(`log-in failed for ${email} (${response.status})`);
  return match[0];
}
