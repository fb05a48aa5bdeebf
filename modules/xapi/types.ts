/** The parts of xAPI 1.0.3 Alongside writes: an Agent by account, Activities, four ADL verbs. */

export type LanguageMap = Record<string, string>;

export type Activity = {
  objectType: "Activity";
  id: string;
  definition: {
    name: LanguageMap;
    description?: LanguageMap;
    type: string;
    interactionType?: "choice";
    /** A choice interaction's options: their ids are what a response lists. */
    choices?: { id: string; description: LanguageMap }[];
    /** The responses that are right, each the right option ids joined by "[,]". */
    correctResponsesPattern?: string[];
  };
};

export type Statement = {
  id: string;
  actor: { objectType: "Agent"; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: { success?: boolean; completion?: boolean; response?: string };
  context: {
    registration: string;
    platform: string;
    language: string;
    /** Absent on course statements: a course has no parent here. */
    contextActivities?: { parent: Activity[]; grouping?: Activity[] };
  };
  timestamp: string;
  version: "1.0.3";
};

/** What every statement needs beyond the data: the app's origin (for IRIs) and the actor key. */
export type StatementKeys = { origin: string; secret: string };
