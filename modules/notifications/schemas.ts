import { z } from "zod";
import { NOTIFICATION_CHOICES } from "./kinds";

const choice = z.enum(NOTIFICATION_CHOICES, { message: "Choose at once, in a daily digest, or never." });

export const notificationChoicesSchema = z.object({ mention: choice, reply: choice, review_request: choice });
