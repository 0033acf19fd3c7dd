// Auth.js's own endpoints (sign-in link callback, sign-out, session): public by nature.
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
