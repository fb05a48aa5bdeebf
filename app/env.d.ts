/// <reference types="@remix-run/dev" />
import type { Runtime } from "../modules/runtime/types";

declare module "@remix-run/node" {
  interface AppLoadContext {
    runtime: Runtime;
    /** The client address as Express sees it (after TRUST_PROXY). */
    ip: string;
    /** A per-response nonce for the inline scripts Remix writes. */
    nonce: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
