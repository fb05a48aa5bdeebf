/**
 * What routes may ask of navigation: the header's areas and a person's start page. It sits above
 * organisations (the name) and workshop (a place on a module opens the Workshop).
 */
export { header, startPage } from "./where-to";
