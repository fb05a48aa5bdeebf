export { listStarterModules, startFromStarter } from "../../modules/content/starter";
