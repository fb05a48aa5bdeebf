import { createContext, useContext } from "react";

/** The Content-Security-Policy nonce for this response; only set while rendering on the server. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
