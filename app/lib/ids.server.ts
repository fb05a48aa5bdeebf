export { idSchema, isId } from "../../modules/shared/ids";
