/**
 * What routes may ask of supervision: a learner's own "For my supervision" pages, made from their
 * journal, and the one copy of each they may share with a supervisor of their organisation.
 */
export { supervisionPageMarkdown } from "./downloads";
export { createSupervisionPage, mySupervisionPages, supervisionPage, updateSupervisionPage } from "./pages";
export { DEFAULT_TITLE, shareSchema, supervisionPageSchema } from "./schemas";
export {
  deleteSupervisionPage,
  revokeShare,
  sharedCopy,
  sharedWithMe,
  shareHistory,
  shareOf,
  sharePage,
  supervisorsToShareWith,
} from "./sharing";
