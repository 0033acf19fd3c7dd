import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { db } from "../db";
import { getAgencyBranding } from "../data/agency";
import { consumeRateLimit } from "../data/rate-limit";
import { acceptInvitation, canSignIn, recordSignIn } from "../data/team";
import { invitationEmail, signInEmail } from "../email/messages";
import { sendEmail } from "../email/mailer";
import { env, pinAuthUrlToAppUrl } from "../env";
import type { Role } from "./roles";
import { authSecret } from "./secret";
import { linkContext } from "./email-context";

// Module augmentation needs interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module "next-auth" {
  interface User {
    role?: Role;
    removedAt?: Date | null;
  }
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Sign-in link requests allowed per address. */
export const SIGN_IN_LIMIT = { limit: 5, windowMs: 60 * 60 * 1000 };

export const CHECK_EMAIL_PATH = "/sign-in/check-email";

const prismaAdapter = PrismaAdapter(db as never);

// Every absolute URL Auth.js makes (sign-in links, the redirect after one) from APP_URL,
// never from the request's Host / X-Forwarded-Host headers, which anyone can forge.
pinAuthUrlToAppUrl();
const secureCookies = env.APP_URL.startsWith("https://");

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  // The host is never taken from the request: AUTH_URL above fixes it.
  trustHost: true,
  // Session cookies: HttpOnly and SameSite=Lax always (Auth.js's defaults), Secure (and
  // __Secure- prefixed) whenever the app is served over https, which production requires.
  useSecureCookies: secureCookies,
  adapter: {
    ...prismaAdapter,
    // New users only come from invitations: there is no open sign-up.
    async createUser(user) {
      const created = await acceptInvitation({ email: user.email, name: user.name, emailVerified: user.emailVerified });
      if (!created) throw new Error("No pending invitation for this address");
      return created;
    },
  },
  session: { strategy: "database", maxAge: env.AUTH_SESSION_MAX_AGE_HOURS * 3600, updateAge: 3600 },
  pages: { signIn: "/sign-in", verifyRequest: CHECK_EMAIL_PATH, error: "/sign-in/error" },
  providers: [
    Nodemailer({
      // Unused: sendVerificationRequest below sends through lib/email (SMTP or the outbox).
      server: "smtp://localhost",
      from: env.EMAIL_FROM,
      maxAge: env.AUTH_LINK_MAX_AGE_HOURS * 3600,
      async sendVerificationRequest({ identifier, url, expires }) {
        const agency = await getAgencyBranding();
        const context = linkContext.getStore();
        const message =
          context?.kind === "invitation"
            ? await invitationEmail({ agency, url, expires, invitedBy: context.invitedBy, role: context.role })
            : await signInEmail({ agency, url, expires });
        await sendEmail({ to: identifier, ...message });
      },
    }),
  ],
  callbacks: {
    async signIn({ user, email }) {
      const address = user.email?.toLowerCase();
      if (!address) return false;
      if (email?.verificationRequest) {
        // Asking for a link: every address gets the same "check your inbox" page, whether or
        // not it belongs to the team; only members and invitees are actually sent one.
        const limit = await consumeRateLimit({ key: `sign-in:${address}`, ...SIGN_IN_LIMIT });
        if (!limit.allowed) return `${CHECK_EMAIL_PATH}?limited=1`;
        return (await canSignIn(address)) ? true : CHECK_EMAIL_PATH;
      }
      // Following a link: a removed member's old link no longer works.
      if (user.removedAt) {
        if (!(await acceptInvitation({ email: address }))) return "/sign-in/error?error=AccessDenied";
      }
      return true;
    },
    // Only what pages need: the database session row (with its token) stays on the server.
    session({ session, user }) {
      return {
        expires: session.expires,
        user: { id: user.id, email: user.email, name: user.name, role: user.role ?? "VIEWER" },
      } as typeof session;
    },
  },
  events: {
    async signIn({ user }) {
      if (user.id && user.email) await recordSignIn({ id: user.id, email: user.email });
    },
  },
});
