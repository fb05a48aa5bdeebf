import { createContext, useContext } from "react";

/** The members a story may be told by, given to the editor by its page for the story block's form. */
export type Storyteller = { id: string; name: string };

export const StorytellersContext = createContext<readonly Storyteller[]>([]);

export const useStorytellers = () => useContext(StorytellersContext);
