import { Link } from "@remix-run/react";
import { type FormState, fieldValue } from "~/components/form";
import { Notice } from "~/components/layout";

/**
 * "Keep me signed in": unticked, a session ends after a while unused and with the browser; ticked, it
 * lasts until the organisation's lifetime, so it is for a person's own device only.
 */
export function KeepSignedIn({ state }: { state: FormState }) {
  return (
    <div className="field">
      <div className="checkbox">
        <input
          type="checkbox"
          id="keep-signed-in"
          name="keepSignedIn"
          aria-describedby="keep-signed-in-hint"
          defaultChecked={fieldValue(state, "keepSignedIn") === "on"}
        />
        <label htmlFor="keep-signed-in">Keep me signed in</label>
      </div>
      <p className="hint" id="keep-signed-in-hint">
        Only on a device that is yours alone. Otherwise you are signed out after a while without use, and when you close
        the browser.
      </p>
    </div>
  );
}

/** After many failed attempts for one email address: the way on is a new password, set by email. */
export function LockedNotice() {
  return (
    <Notice>
      <p>
        This keeps your account safe from someone guessing its password.{" "}
        <Link to="/forgot-password">Set a new password by email</Link>, then log in with it.
      </p>
    </Notice>
  );
}
